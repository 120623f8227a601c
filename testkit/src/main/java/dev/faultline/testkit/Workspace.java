package dev.faultline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository and the shared material next to it ({@code ../shared}) are, from a test's working directory. */
public final class Workspace {

    private Workspace() {
    }

    /** The repository root: the closest ancestor holding both {@code pom.xml} and the {@code faultline} launcher. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("faultline"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** {@code $FAULTLINE_SHARED}, else {@code ../shared} next to the repository, if it exists. */
    public static Optional<Path> shared() {
        String override = System.getenv("FAULTLINE_SHARED");
        Path dir = override != null && !override.isBlank() ? Path.of(override) : repositoryRoot().getParent().resolve("shared");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The Chaos Toolkit corpus folder; fails under CI and skips elsewhere when it is missing. */
    public static Path ctkCorpus() {
        Optional<Path> corpus = shared().map(s -> s.resolve("ctk-corpus")).filter(Files::isDirectory);
        Required.component(corpus.isPresent(), "the Chaos Toolkit corpus at ../shared/ctk-corpus (or set FAULTLINE_SHARED)");
        return corpus.orElseThrow();
    }
}
