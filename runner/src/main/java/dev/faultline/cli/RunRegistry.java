package dev.faultline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Running Faultline processes on this machine, one file per pid under {@code ~/.faultline/runs},
 * so {@code faultline abort} can find and stop them. An {@code <pid>.abort} marker tells the run
 * that the TERM it receives is an abort request.
 */
final class RunRegistry {

    private final Path dir;

    RunRegistry(Path dir) {
        this.dir = dir;
    }

    static RunRegistry standard() {
        String home = System.getenv("FAULTLINE_HOME");
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".faultline") : Path.of(home);
        return new RunRegistry(base.resolve("runs"));
    }

    Path register(long pid, String description) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(pid + ".run");
        Files.writeString(file, description, StandardCharsets.UTF_8);
        return file;
    }

    void unregister(long pid) {
        try {
            Files.deleteIfExists(dir.resolve(pid + ".run"));
            Files.deleteIfExists(dir.resolve(pid + ".abort"));
        } catch (IOException ignored) {
            // A stale entry is harmless: abort skips dead pids.
        }
    }

    boolean abortRequested(long pid) {
        return Files.exists(dir.resolve(pid + ".abort"));
    }

    void requestAbort(long pid) throws IOException {
        Files.writeString(dir.resolve(pid + ".abort"), "abort", StandardCharsets.UTF_8);
    }

    /** Pids with a registration whose process is alive. */
    List<Long> running() throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".run")).toList()) {
                String name = file.getFileName().toString();
                long pid = Long.parseLong(name.substring(0, name.length() - 4));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    pids.add(pid);
                } else {
                    unregister(pid);
                }
            }
        }
        return pids;
    }

    String describe(long pid) {
        try {
            return Files.readString(dir.resolve(pid + ".run"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
