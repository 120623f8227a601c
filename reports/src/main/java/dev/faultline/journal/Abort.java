package dev.faultline.journal;

import java.time.Instant;

/**
 * Why and how a run was stopped early: by a guard (with the measured value and threshold), a
 * signal or {@code faultline abort}, and when the last fault was undone.
 */
public record Abort(String by, String guard, String reason, Double measured, Double threshold,
        Instant breachDetectedAt, Instant abortStartedAt, Instant lastFaultUndoneAt) {

    public Abort {
        by = by == null ? "unknown" : by;
    }

    public boolean byGuard() {
        return "guard".equals(by);
    }

    /** When the run was known to have to stop: the breach for a guard, else when the abort started. */
    public Instant stopAt() {
        return breachDetectedAt != null ? breachDetectedAt : abortStartedAt;
    }
}
