package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    private static final HypothesisRun MET = new HypothesisRun(true, List.of());
    private static final HypothesisRun NOT_MET = new HypothesisRun(false, List.of());

    @ParameterizedTest
    @CsvSource({"completed, false, HELD", "completed, true, DEVIATED", "failed, false, ERROR", "failed, true, ERROR",
        "aborted, false, ABORTED", "interrupted, true, INTERRUPTED", ", false, ERROR"})
    void derivesTheOutcomeOfAChaosToolkitJournal(String status, boolean deviated, Outcome expected) {
        assertThat(Outcome.fromChaosToolkit(status, deviated, MET)).isEqualTo(expected);
    }

    @Test
    void aBeforeHypothesisNotMetIsNotMetWhateverStatusChaosToolkitWrote() {
        // Chaos Toolkit marks this "completed" (or "failed" when a probe raised) and exits 1 either way.
        assertThat(Outcome.fromChaosToolkit("completed", false, NOT_MET)).isEqualTo(Outcome.NOT_MET);
        assertThat(Outcome.fromChaosToolkit("failed", false, NOT_MET)).isEqualTo(Outcome.NOT_MET);
        assertThat(Outcome.fromChaosToolkit("interrupted", false, NOT_MET)).isEqualTo(Outcome.INTERRUPTED);
    }

    @Test
    void exitCodesFollowTheExitCodeTable() {
        assertThat(List.of(Outcome.values())).extracting(Outcome::exitCode).containsExactly(0, 1, 5, 3, 3, 3, 4);
        assertThat(Outcome.ofLabel("not-met")).hasValue(Outcome.NOT_MET);
        assertThat(Outcome.ofLabel("nonsense")).isEmpty();
    }
}
