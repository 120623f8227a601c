package dev.faultline.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.driver.PlannedTarget;

import java.util.List;

/**
 * Where safety plugs into a run: pre-flight verdicts before anything is injected, guards while it
 * runs, and their data in the journal. The engine knows nothing of SLOs; this is its whole view.
 */
public interface SafetyHook {

    SafetyHook NONE = new SafetyHook() {
    };

    /** A reason not to start. */
    record Refusal(String check, String reason) {
    }

    /** Called after configuration is resolved and actions are planned; any refusal stops the run before it starts. */
    default List<Refusal> preflight(List<PlannedTarget> targets) {
        return List.of();
    }

    /** Starts guards; a breach must call {@code stop.request(...)} with a {@link StopSignal.Reason.Kind#GUARD} reason. */
    default void start(StopSignal stop) {
    }

    /** Stops guards; called once, before undo. */
    default void stop() {
    }

    /** Adds {@code guards}, {@code sli} and {@code budget} to the journal's {@code faultline} section. */
    default void journal(ObjectNode faultline) {
    }
}
