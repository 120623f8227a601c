package dev.faultline.gameday;

import dev.faultline.report.Reports;
import dev.faultline.report.html.HtmlIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The files a game day leaves beside its journals: {@code index.html} (one row per experiment,
 * linking each run's own report, and the experiments that did not run), {@code junit.xml} for the
 * CI server and {@code summary.md}.
 */
public final class GameDayReports {

    /** Where the reports went; all {@code null} when no experiment ran. */
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
        List<HtmlIndex.NotRun> notRun = result.experiments().stream().filter(e -> !e.ran())
                .map(e -> new HtmlIndex.NotRun(e.title(), e.notRun())).toList();
        Path index = dir.resolve("index.html");
        Reports.writeGameDay(result.gameDay().name(), journals, notRun, index);
        Path junit = dir.resolve("junit.xml");
        Reports.writeJunit(journals, junit);
        Path markdown = dir.resolve("summary.md");
        Reports.writeMarkdown(journals, markdown);
        if (!notRun.isEmpty()) {
            StringBuilder text = new StringBuilder("\n### Not run\n\n");
            notRun.forEach(n -> text.append("- ").append(markdownText(n.title())).append(": ").append(markdownText(n.reason())).append('\n'));
            Files.writeString(markdown, text, StandardOpenOption.APPEND);
        }
        return new Written(index, junit, markdown);
    }

    private static String markdownText(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }
}
