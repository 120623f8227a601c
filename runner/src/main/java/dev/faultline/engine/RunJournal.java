package dev.faultline.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a run accumulates for its journal, written by the engine as phases go by. */
final class RunJournal {

    /** A phase and how it went. */
    record PhaseEntry(Phase phase, Instant start, Instant end, String status) {
    }

    final Instant start;
    Instant end;
    final List<PhaseEntry> phases = Collections.synchronizedList(new ArrayList<>());
    SteadyState before;
    SteadyState after;
    final List<SteadyState> during = Collections.synchronizedList(new ArrayList<>());
    final List<RunRecord> method = Collections.synchronizedList(new ArrayList<>());
    final List<RunRecord> rollbacks = new ArrayList<>();
    final List<PlannedAction> planned = new ArrayList<>();
    List<SafetyHook.Refusal> refusals = List.of();
    String errorMessage;
    Phase errorPhase;
    volatile boolean deviated;
    volatile Instant abortStartedAt;

    RunJournal(Instant start) {
        this.start = start;
    }

    void error(Phase phase, String message) {
        if (errorMessage == null) {
            errorMessage = message;
            errorPhase = phase;
        }
    }
}
