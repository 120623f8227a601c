package dev.faultline.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves executables the way a shell does: absolute or relative paths as given, bare names on PATH. */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> resolve(String name) {
        String expanded = name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name;
        if (expanded.contains("/")) {
            Path path = Path.of(expanded);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, expanded);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
