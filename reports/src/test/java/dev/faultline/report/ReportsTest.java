package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.journal.JournalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void writesOneReportForOneJournal() throws IOException {
        Path out = dir.resolve("nested/report.html");

        List<Path> written = Reports.writeHtml(List.of(Fixtures.path("held")), out);

        assertThat(written).containsExactly(out);
        assertThat(Files.readString(out)).contains("v-held");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void writesAGameDayIndexLinkingToReportsBesideIt() throws IOException {
        Path index = dir.resolve("gameday.html");

        List<Path> written = Reports.writeHtml(Fixtures.paths(), index);

        assertThat(written).hasSize(Fixtures.ALL.size() + 1).first().isEqualTo(index);
        String html = Files.readString(index);
        Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            n++;
            Path target = dir.resolve(links.group(1));
            assertThat(links.group(1)).matches("gameday-\\d\\d-[a-z0-9-]+\\.html");
            assertThat(target).exists().hasParent(dir);
        }
        assertThat(n).isEqualTo(Fixtures.ALL.size());
        assertThat(html).contains("UNDO FAILED in [Checkout survives a slow inventory service]");
    }

    @Test
    void writesJunitAndMarkdownAndAppendsToAStepSummary() throws IOException {
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");

        Reports.writeJunit(List.of(Fixtures.path("aborted"), Fixtures.path("held")), junit);
        Reports.appendMarkdown(List.of(Fixtures.path("aborted")), summary);

        assertThat(Files.readString(junit)).contains("<testsuites name=\"faultline\"");
        assertThat(Files.readString(summary)).startsWith("earlier step\n## Faultline: 1 experiment, 1 aborted");
    }

    @Test
    void refusesANonJournalBeforeWritingAnything() throws IOException {
        Path experiment = dir.resolve("experiment.json");
        Files.writeString(experiment, "{\"title\": \"t\", \"method\": []}");
        Path out = dir.resolve("out/report.html");

        assertThatThrownBy(() -> Reports.writeHtml(List.of(Fixtures.path("held"), experiment), out))
                .isInstanceOf(JournalException.class).hasMessageContaining("is an experiment, not a journal");
        assertThat(out.getParent()).doesNotExist();
        assertThatThrownBy(() -> Reports.writeJunit(List.of(), dir.resolve("j.xml")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesExperimentReportsSafelyFromTheirTitles() {
        assertThat(ReportFiles.experimentFile(Path.of("out/gameday.html"), 3, "XSS <script>alert(1)</script>"))
                .isEqualTo("gameday-03-xss-script-alert-1-script.html");
        assertThat(ReportFiles.experimentFile(Path.of("report"), 12, "javascript:alert(1)"))
                .isEqualTo("report-12-javascript-alert-1.html");
        assertThat(ReportFiles.experimentFile(Path.of("r.html"), 1, "∆∆∆")).isEqualTo("r-01.html");
    }
}
