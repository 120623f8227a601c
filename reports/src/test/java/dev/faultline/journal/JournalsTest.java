package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.report.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"held, HELD, 0", "deviated, DEVIATED, 1", "aborted, ABORTED, 3", "refused, REFUSED, 3",
        "interrupted, INTERRUPTED, 3", "not-met, NOT_MET, 5", "error, ERROR, 4", "dry-run, HELD, 0",
        "ctk-plain, HELD, 0", "xss, DEVIATED, 1"})
    void readsEveryFixtureWithItsOutcomeAndExitCode(String name, Outcome outcome, int exitCode) {
        Journal journal = Fixtures.journal(name);

        assertThat(journal.outcome()).isEqualTo(outcome);
        assertThat(journal.exitCode()).isEqualTo(exitCode);
        assertThat(journal.source()).isEqualTo(Fixtures.path(name));
    }

    @Test
    void readsTheFaultlineDataOfAnAbortedRun() {
        Journal journal = Fixtures.journal("aborted");

        assertThat(journal.abort()).hasValueSatisfying(abort -> {
            assertThat(abort.byGuard()).isTrue();
            assertThat(abort.guard()).isEqualTo("burn-rate");
            assertThat(abort.measured()).isEqualTo(16.2);
            assertThat(abort.breachDetectedAt()).isEqualTo(Instant.parse("2026-11-27T05:16:39.200Z"));
        });
        assertThat(journal.faults()).extracting(f -> f.undo().status())
                .containsExactly("undone", "irreversible", "undone");
        assertThat(journal.guards().orElseThrow().checks()).anyMatch(c -> c.breach() && c.value() == 16.2);
        assertThat(journal.sli().orElseThrow().slo().latencyMs()).containsEntry("p95", 200.0);
        assertThat(journal.budget().orElseThrow().burnRate()).isNotEmpty()
                .allSatisfy(rate -> assertThat(rate.shortWindow()).isNotNull());
        assertThat(journal.steadyStates().during()).hasSize(5);
        assertThat(journal.run().get(3).reason()).contains("aborted by guard [burn-rate]");
    }

    @Test
    void readsAChaosToolkitJournalWithoutFaultlineData() {
        Journal journal = Fixtures.journal("ctk-plain");

        assertThat(journal.faultline()).isNull();
        assertThat(journal.chaoslibVersion()).isEqualTo("1.44.0");
        assertThat(journal.title()).isEqualTo("Catalogue answers while a cache node restarts");
        // Chaos Toolkit writes "+00:00" offsets; older versions wrote none: both are UTC.
        assertThat(journal.startedAt()).hasValue(Instant.parse("2026-11-27T05:35:52.883635Z"));
        assertThat(journal.steadyStates().before().probes()).allMatch(p -> Boolean.TRUE.equals(p.toleranceMet()));
        assertThat(journal.run()).extracting(r -> r.activity().providerSummary())
                .containsExactly("process sh", "process sh");
        assertThat(journal.faults()).isEmpty();
    }

    @Test
    void ignoresUnknownKeysAndToleratesMissingOnes() throws IOException {
        Path file = write("{\"status\": \"completed\", \"deviated\": false, \"run\": [{\"status\": \"succeeded\", "
                + "\"start\": \"2026-11-27T05:16:08\", \"exception\": \"one line\", \"novel\": {\"x\": 1}}], "
                + "\"faultline\": {\"outcome\": \"held\", \"future_key\": [1, 2], \"faults\": null}, "
                + "\"brand_new\": true}");

        Journal journal = Journals.read(file);

        assertThat(journal.outcome()).isEqualTo(Outcome.HELD);
        assertThat(journal.run()).singleElement().satisfies(r -> {
            assertThat(r.start()).isEqualTo(Instant.parse("2026-11-27T05:16:08Z"));
            assertThat(r.exception()).containsExactly("one line");
            assertThat(r.activity().name()).isEqualTo("(unnamed)");
        });
        assertThat(journal.faults()).isEmpty();
        assertThat(journal.title()).isEqualTo("journal.json");
    }

    @Test
    void fallsBackToTheChaosToolkitKeysWhenTheOutcomeIsUnknown() throws IOException {
        Path file = write("{\"status\": \"completed\", \"deviated\": true, \"run\": [], "
                + "\"faultline\": {\"outcome\": \"something-new\"}}");

        assertThat(Journals.read(file).outcome()).isEqualTo(Outcome.DEVIATED);
    }

    @Test
    void refusesAMissingFileNamingIt() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> Journals.read(missing)).isInstanceOf(JournalException.class)
                .hasMessageContaining("[" + missing + "] does not exist");
    }

    @Test
    void refusesAFileThatIsNotJsonWithLineAndColumn() throws IOException {
        Path file = write("{\n  \"status\": completed\n}");

        assertThatThrownBy(() -> Journals.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is not JSON at line 2, column");
    }

    @Test
    void refusesAnExperimentFileSayingHowToGetAJournal() throws IOException {
        Path file = write("{\"title\": \"t\", \"steady-state-hypothesis\": {}, \"method\": []}");

        assertThatThrownBy(() -> Journals.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is an experiment, not a journal").hasMessageContaining("faultline run");
    }

    @Test
    void refusesJsonOfAnotherShapeListingItsKeys() throws IOException {
        Path array = write("array.json", "[1, 2]");
        Path other = write("other.json", "{\"name\": \"x\", \"version\": 3}");

        assertThatThrownBy(() -> Journals.read(array)).hasMessageContaining("its top level is [array]");
        assertThatThrownBy(() -> Journals.read(other)).hasMessageContaining("its keys are [name], [version]");
    }

    @Test
    void refusesAnInvalidValueNamingItsJsonPointer() throws IOException {
        Path file = write("{\"status\": \"failed\", \"run\": [], \"faultline\": {\"faults\": [{\"id\": \"f1\", "
                + "\"injected_at\": \"yesterday\"}]}}");

        assertThatThrownBy(() -> Journals.read(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("[/faultline/faults/0/injected_at]").hasMessageContaining("yesterday");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = write("");

        assertThatThrownBy(() -> Journals.read(file)).hasMessageContaining("is empty");
    }

    private Path write(String json) throws IOException {
        return write("journal.json", json);
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
