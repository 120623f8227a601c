package dev.faultline.engine;

import dev.faultline.experiment.Activity;

/**
 * Hears about a run as it happens, for progress displays. Called from the engine's threads; must
 * return quickly and never throw.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void phaseStarted(Phase phase) {
    }

    /** @param description the provider in words, with variables substituted (e.g. {@code GET http://host/health}) */
    default void activityStarted(Phase phase, Activity activity, String description) {
    }

    default void activityFinished(RunRecord record) {
    }

    default void faultInjected(FaultTracker.Fault fault) {
    }

    default void faultUndone(FaultTracker.Fault fault) {
    }

    default void stopping(StopSignal.Reason reason) {
    }

    /** The run is over (journal built); called once, last. */
    default void runFinished(Outcome outcome) {
    }

    /** Something worth telling the user that is not an activity (pauses, waits, warnings). */
    default void note(String message) {
    }
}
