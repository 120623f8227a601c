package dev.faultline.report;

import dev.faultline.journal.Journal;
import dev.faultline.journal.Journals;
import java.nio.file.Path;
import java.util.List;

/** The hand-written journals under {@code src/test/resources/journals}, one per outcome and edge case. */
public final class Fixtures {

    /** Every fixture, in the order the game-day tests use. */
    public static final List<String> ALL = List.of("held", "deviated", "aborted", "refused", "interrupted", "not-met",
            "error", "dry-run", "ctk-plain", "xss");

    private static final Path DIR = Path.of("src", "test", "resources", "journals");

    private Fixtures() {
    }

    public static Path path(String name) {
        return DIR.resolve(name + ".json");
    }

    public static Journal journal(String name) {
        return Journals.read(path(name));
    }

    public static List<Path> paths() {
        return ALL.stream().map(Fixtures::path).toList();
    }
}
