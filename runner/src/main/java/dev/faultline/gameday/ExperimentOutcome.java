package dev.faultline.gameday;

import dev.faultline.engine.Outcome;

import java.nio.file.Path;

/**
 * What became of one experiment of a game day.
 *
 * @param outcome {@code null} when it did not run ({@code notRun} says why)
 * @param journal the journal written, or {@code null}
 */
public record ExperimentOutcome(GameDay.Entry entry, String title, Outcome outcome, String notRun, Path journal,
                                double seconds, String detail) {

    public boolean ran() {
        return outcome != null;
    }

    /** Whether the outcome is the one the game day expected (true when nothing was expected). */
    public boolean asExpected() {
        return !ran() || entry.expect() == null || entry.expect().equals(outcome.wireName());
    }
}
