package dev.faultline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository root and the demo services' executable jars from wherever a test runs
 * (Maven runs each module's tests in that module's folder).
 */
public final class DemoJars {

    /** The command that builds the demo jars, for messages. */
    public static final String BUILD_COMMAND = "mvn -B -pl demo/inventory,demo/storefront package -DskipTests";

    private DemoJars() {
    }

    /** The repository root, if the working directory is inside one (see {@link Workspace#repositoryRoot()}). */
    public static Optional<Path> repositoryRoot() {
        try {
            return Optional.of(Workspace.repositoryRoot());
        } catch (IllegalStateException outside) {
            return Optional.empty();
        }
    }

    /**
     * The built jar of demo service {@code name} ({@code demo/<name>/target/<name>.jar}). Skips the
     * test outside CI, and fails it under CI, when the repository or the jar cannot be found.
     */
    public static Path require(String name) {
        Optional<Path> root = repositoryRoot();
        Required.component(root.isPresent(), "the Faultline repository root (a folder with pom.xml and the faultline launcher) above ["
                + Path.of("").toAbsolutePath() + "]");
        Path jar = root.orElseThrow().resolve("demo").resolve(name).resolve("target").resolve(name + ".jar");
        Required.component(Files.isRegularFile(jar), "demo jar [" + jar + "]: run `" + BUILD_COMMAND
                + "` in [" + root.orElseThrow() + "], or build your module with -am so the demo builds first");
        return jar;
    }
}
