package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.journal.Journal;
import dev.faultline.journal.Journals;
import dev.faultline.report.html.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size and speed budget of the HTML report: a one-hour run with one-second samples and 1,000
 * activities renders under 2 MB and in under a second (journal read included). docs/benchmarks.md
 * has the measured figures; this test only guards the limits.
 */
class LargeReportTest {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final long MAX_MILLIS = 1_000;

    @TempDir
    static Path dir;
    static Path journal;

    @BeforeAll
    static void writeJournal() throws IOException {
        journal = dir.resolve("one-hour.json");
        LargeJournal.write(journal, 3600, 1000);
    }

    @Test
    void aOneHourRunRendersUnderTwoMegabytes() {
        String html = HtmlReport.render(Journals.read(journal));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_BYTES);
        assertThat(html).contains("Showing 200 of 1000 activities (every failed one included)")
                .contains("Showing the first 200 of 718 probe runs")
                .contains("truncated: showing the first 4,000 of");
    }

    @Test
    void aOneHourRunRendersInUnderOneSecond() throws IOException {
        assertThat(Files.size(journal)).isGreaterThan(MAX_BYTES);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Journal read = Journals.read(journal);
            HtmlReport.render(read);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(best).as("best of five reads and renders, in ms").isLessThan(MAX_MILLIS);
    }
}
