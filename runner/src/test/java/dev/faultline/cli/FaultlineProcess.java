package dev.faultline.cli;

import dev.faultline.testkit.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs the packaged {@code faultline} jar as a separate process, to test signals, crashes and exit codes for real. */
final class FaultlineProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private FaultlineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Path jar() {
        Path jar = Workspace.repositoryRoot().resolve("runner/target/faultline.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("runner/target/faultline.jar is missing: run `mvn -pl runner -am package` first");
        }
        return jar;
    }

    static FaultlineProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        return start(workDir, env, List.of(), args);
    }

    static FaultlineProcess start(Path workDir, Map<String, String> env, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "faultline", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FAULTLINE_HOME", workDir.resolve(".faultline").toString());
        builder.environment().putAll(env);
        return new FaultlineProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** Whether a process running {@code program} (e.g. {@code sleep}) is among this process's descendants. */
    boolean runs(String program) {
        return process.descendants().anyMatch(child -> child.info().command()
                .map(command -> command.equals(program) || command.endsWith("/" + program)).orElse(false));
    }

    /** Sends a signal by name (TERM, INT, KILL) with the system's kill command. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("faultline did not exit within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
