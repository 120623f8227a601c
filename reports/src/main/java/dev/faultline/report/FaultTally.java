package dev.faultline.report;

import dev.faultline.journal.Fault;
import java.util.ArrayList;
import java.util.List;

/** How a run's faults ended: how many were undone, irreversible, never applied, or failed to undo. */
public record FaultTally(int total, int undone, int irreversible, int notApplied, List<Fault> failedUndos) {

    public FaultTally {
        failedUndos = List.copyOf(failedUndos);
    }

    public static FaultTally of(List<Fault> faults) {
        int undone = 0;
        int irreversible = 0;
        int notApplied = 0;
        List<Fault> failed = new ArrayList<>();
        for (Fault fault : faults) {
            switch (fault.undo().status()) {
                case "undone" -> undone++;
                case "irreversible" -> irreversible++;
                case "not-applied" -> notApplied++;
                case "failed" -> failed.add(fault);
                default -> {
                    // an unknown status is shown per fault; it is neither counted as undone nor as failed
                }
            }
        }
        return new FaultTally(faults.size(), undone, irreversible, notApplied, failed);
    }

    /** Whether any fault may still be active. */
    public boolean anyUndoFailed() {
        return !failedUndos.isEmpty();
    }

    /** One line for people: {@code 3 faults: 2 undone, 1 irreversible}. */
    public String summary() {
        if (total == 0) {
            return "no faults injected";
        }
        List<String> parts = new ArrayList<>();
        if (!failedUndos.isEmpty()) {
            parts.add(failedUndos.size() + " undo FAILED");
        }
        if (undone > 0) {
            parts.add(undone == total ? "all undone" : undone + " undone");
        }
        if (irreversible > 0) {
            parts.add(irreversible + " irreversible");
        }
        if (notApplied > 0) {
            parts.add(notApplied + " not applied");
        }
        int other = total - undone - irreversible - notApplied - failedUndos.size();
        if (other > 0) {
            parts.add(other + " with unknown undo status");
        }
        return Formats.count(total, "fault", "faults") + ": " + String.join(", ", parts);
    }

    /** For each failed undo: which fault may still be active, and where. */
    public List<String> stillActive(Redactor redactor) {
        return failedUndos.stream().map(f -> redactor.scrub(String.format("fault [%s] (%s %s) on [%s] may still be "
                + "active: %s", f.id(), f.driver(), f.kind(), f.target(),
                f.undo().error() == null ? "its undo failed" : f.undo().error()))).toList();
    }
}
