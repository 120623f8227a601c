package dev.faultline.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** How a run ended, its journal (as JSON, secrets masked) and its faults. */
public record RunResult(String runId, Outcome outcome, ObjectNode journal, List<FaultTracker.Fault> faults) {

    public int exitCode() {
        return outcome.exitCode();
    }
}
