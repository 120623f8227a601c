package dev.faultline.driver.process;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.load.Executables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process as Chaos Toolkit does: {@code arguments} as a list (preferred; a mapping is
 * flattened to key, value, ...) or as one string run through the shell. A non-zero exit status is
 * an output, not a failure; not finishing within {@code timeout} is a failure, and the process
 * (with its children) is killed. Interruption kills it too.
 */
final class ProcessCall implements DriverFunction {

    private static final FunctionSpec SPEC = FunctionSpec.any("process")
            .required("path", Param.Type.STRING)
            .optional("arguments", Param.Type.ANY, null)
            .optional("timeout", Param.Type.NUMBER, null)
            .summary("runs an executable; output {status, stdout, stderr}")
            .build();

    @Override
    public FunctionSpec spec() {
        return SPEC;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        Arguments args = call.arguments();
        String path = args.string("path");
        Path executable = Executables.resolve(path)
                .orElseThrow(() -> new ActivityFailedException("executable [" + path + "] was not found on PATH"));
        List<String> command = command(executable.toString(), args.raw("arguments"));
        Path out = Files.createTempFile("faultline-stdout", ".txt");
        Path err = Files.createTempFile("faultline-stderr", ".txt");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            Double timeout = args.optionalNumber("timeout").orElse(null);
            boolean finished = timeout == null ? waitFor(process) : process.waitFor((long) (timeout * 1000), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
                throw new ActivityFailedException("process [" + path + "] did not finish within " + timeout + " s and was killed");
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("status", process.exitValue());
            output.put("stdout", Files.readString(out, StandardCharsets.UTF_8));
            output.put("stderr", Files.readString(err, StandardCharsets.UTF_8));
            return output;
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } catch (IOException e) {
            throw new ActivityFailedException("cannot run [" + path + "]: " + e.getMessage());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static List<String> command(String executable, Object arguments) {
        List<String> command = new ArrayList<>();
        if (arguments instanceof String line) {
            command.add("/bin/sh");
            command.add("-c");
            command.add(executable + " " + line);
            return command;
        }
        command.add(executable);
        List<Object> items = new ArrayList<>();
        if (arguments instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                items.add(k);
                items.add(v);
            });
        } else if (arguments instanceof List<?> list) {
            items.addAll(list);
        }
        for (Object item : items) {
            if (item != null && !"".equals(item)) {
                command.add(item instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(item));
            }
        }
        return command;
    }

    private static boolean waitFor(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
