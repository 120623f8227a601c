package dev.faultline.gameday;

import dev.faultline.report.Reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a game day leaves beside its journals: {@code index.html} (one row per experiment,
 * linking each run's own report), {@code junit.xml} for the CI server and {@code summary.md}.
 */
public final class GameDayReports {

    /** Where the reports went. */
    public record Written(Path index, Path junit, Path markdown) {
    }

    private GameDayReports() {
    }

    public static Written write(GameDayResult result, Path dir) throws IOException {
        List<Path> journals = result.experiments().stream().map(ExperimentOutcome::journal)
                .filter(java.util.Objects::nonNull).toList();
        if (journals.isEmpty()) {
            return new Written(null, null, null);
        }
        Path index = dir.resolve("index.html");
        Reports.writeHtml(journals, index);
        Path junit = dir.resolve("junit.xml");
        Reports.writeJunit(journals, junit);
        Path markdown = dir.resolve("summary.md");
        Reports.writeMarkdown(journals, markdown);
        return new Written(index, junit, markdown);
    }
}
