package dev.faultline.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds executables on PATH and in the places {@code .ci/run} installs them. */
public final class Executables {

    private Executables() {
    }

    /** The first executable file named one of {@code names} on PATH, in ~/go/bin or ~/.local/bin. */
    public static Optional<Path> find(String... names) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        String home = System.getProperty("user.home");
        dirs.add(Path.of(home, "go", "bin"));
        dirs.add(Path.of(home, ".local", "bin"));
        for (String name : names) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
