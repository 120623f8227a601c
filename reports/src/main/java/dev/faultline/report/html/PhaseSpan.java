package dev.faultline.report.html;

import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Journal;
import dev.faultline.journal.Phase;
import dev.faultline.journal.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The phases of a run as the timeline draws them: Faultline's phases when the journal has them,
 * else phases reconstructed from a Chaos Toolkit journal's run records.
 */
final class PhaseSpan {

    private PhaseSpan() {
    }

    static List<Phase> of(Journal journal) {
        if (journal.faultline() != null && !journal.faultline().phases().isEmpty()) {
            return journal.faultline().phases();
        }
        List<Phase> phases = new ArrayList<>();
        HypothesisRun before = journal.steadyStates().before();
        if (before != null) {
            span("before-hypothesis", before.probes()).ifPresent(phases::add);
        }
        span("method", journal.run()).ifPresent(phases::add);
        HypothesisRun after = journal.steadyStates().after();
        if (after != null) {
            span("after-hypothesis", after.probes()).ifPresent(phases::add);
        }
        span("rollbacks", journal.rollbacks()).ifPresent(phases::add);
        return phases;
    }

    private static Optional<Phase> span(String name, List<RunRecord> records) {
        Instant start = records.stream().map(RunRecord::start).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        Instant end = records.stream().map(RunRecord::end).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        if (start == null || end == null) {
            return Optional.empty();
        }
        boolean failed = records.stream().anyMatch(RunRecord::failed);
        return Optional.of(new Phase(name, start, end, failed ? "failed" : "succeeded"));
    }
}
