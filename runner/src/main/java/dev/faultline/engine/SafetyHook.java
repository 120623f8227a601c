package dev.faultline.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.driver.Settings;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Tolerance;

import java.util.List;

/**
 * Where safety plugs into a run: pre-flight verdicts before anything is injected, guards while it
 * runs, and their data in the journal. The engine knows nothing of SLOs; this is its whole view.
 * One hook serves one run.
 */
public interface SafetyHook {

    SafetyHook NONE = new SafetyHook() {
    };

    /** A reason not to start. */
    record Refusal(String check, String reason) {
    }

    /** Creates the hook of one run, once its configuration is resolved. */
    @FunctionalInterface
    interface Factory {
        SafetyHook create(Setup setup) throws Exception;
    }

    /** What a hook may use: the experiment, its resolved configuration, and a way to check a probe now. */
    record Setup(Experiment experiment, String runId, Settings configuration, RunOptions options, ProbeCheck probes) {
    }

    /** Runs a probe and checks its tolerance, outside the journal's activity list (for safeguards). */
    @FunctionalInterface
    interface ProbeCheck {
        Tolerance.Check check(Activity probe) throws Exception;
    }

    /** Called after actions are planned; any refusal stops the run before it starts. */
    default List<Refusal> preflight(List<PlannedAction> actions) {
        return List.of();
    }

    /** Starts guards; a breach must call {@code stop.request(...)} with a {@link StopSignal.Reason.Kind#GUARD} reason. */
    default void start(StopSignal stop) {
    }

    /** Stops guards; called once, before undo. */
    default void stop() {
    }

    /** Adds {@code guards}, {@code sli}, {@code budget} (and a fuller {@code refusal}) to the journal's {@code faultline} section. */
    default void journal(ObjectNode faultline) {
    }

    /** Releases what the run held (target locks). Called last. */
    default void close() {
    }
}
