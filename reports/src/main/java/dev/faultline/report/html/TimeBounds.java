package dev.faultline.report.html;

import dev.faultline.journal.FaultlineData;
import dev.faultline.journal.Journal;
import dev.faultline.journal.RunRecord;
import java.time.Instant;

/** The earliest and latest instants a journal mentions, so no chart cuts data off. */
final class TimeBounds {

    private Instant min;
    private Instant max;

    void add(Instant t) {
        if (t == null) {
            return;
        }
        if (min == null || t.isBefore(min)) {
            min = t;
        }
        if (max == null || t.isAfter(max)) {
            max = t;
        }
    }

    void addAll(Journal journal) {
        journal.run().forEach(this::add);
        journal.rollbacks().forEach(this::add);
        FaultlineData data = journal.faultline();
        if (data == null) {
            return;
        }
        data.phases().forEach(p -> {
            add(p.start());
            add(p.end());
        });
        data.faults().forEach(f -> {
            add(f.injectedAt());
            add(f.undoneAt());
        });
        if (data.sli() != null && !data.sli().samples().isEmpty()) {
            add(data.sli().samples().get(0).t());
            add(data.sli().samples().get(data.sli().samples().size() - 1).t());
        }
        if (data.guards() != null && !data.guards().checks().isEmpty()) {
            add(data.guards().checks().get(data.guards().checks().size() - 1).t());
        }
        if (data.abort() != null) {
            add(data.abort().lastFaultUndoneAt());
        }
    }

    private void add(RunRecord record) {
        add(record.start());
        add(record.end());
    }

    Instant min() {
        return min;
    }

    Instant max() {
        return max;
    }
}
