package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.journal.Journal;
import dev.faultline.journal.Journals;
import dev.faultline.journal.Outcome;
import dev.faultline.report.html.HtmlReport;
import dev.faultline.report.junit.CiSchema;
import dev.faultline.report.junit.JunitReport;
import dev.faultline.report.markdown.MarkdownSummary;
import dev.faultline.testkit.Executables;
import dev.faultline.testkit.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals written by the real Chaos Toolkit (not fixtures) read and render: the tolerance promised
 * for plain Chaos Toolkit journals, checked against whatever {@code chaos} version is installed.
 */
class ChaosToolkitJournalIT {

    @TempDir
    Path dir;

    @Test
    void rendersAJournalTheChaosToolkitJustWrote() throws Exception {
        Optional<Path> chaos = Executables.find("chaos");
        Required.component(chaos.isPresent(), "chaos (pip install chaostoolkit) on PATH");
        Path experiment = dir.resolve("experiment.json");
        Files.copy(Path.of("src", "test", "resources", "experiments", "ctk-process.json"), experiment);
        Path journalFile = dir.resolve("journal.json");

        Process run = new ProcessBuilder(chaos.orElseThrow().toString(), "--no-log-file", "run", "--journal-path",
                journalFile.toString(), "--rollback-strategy", "always", experiment.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("chaos.log").toFile())
                .start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("chaos run finished").isTrue();
        assertThat(run.exitValue()).as("chaos exit code; log:%n%s", Files.readString(dir.resolve("chaos.log")))
                .isZero();

        Journal journal = Journals.read(journalFile);
        assertThat(journal.faultline()).isNull();
        assertThat(journal.outcome()).isEqualTo(Outcome.HELD);
        assertThat(journal.run()).hasSize(2).allMatch(r -> r.succeeded() && r.start() != null && r.end() != null);
        assertThat(journal.rollbacks()).hasSize(1);

        String html = HtmlReport.render(journal);
        assertThat(html).contains("v-held", "restart-cache-node", "Plain Chaos Toolkit journal")
                .doesNotContain("p4ss-from-config");
        String xml = JunitReport.render(List.of(journal));
        CiSchema.validate(xml);
        assertThat(xml).contains("failures=\"0\" errors=\"0\"");
        assertThat(MarkdownSummary.render(List.of(journal))).contains("HELD (exit code 0)");
    }
}
