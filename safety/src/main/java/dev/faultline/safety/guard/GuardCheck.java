package dev.faultline.safety.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of evaluating one guard once.
 *
 * @param guard the guard's name
 * @param at when the measurement was taken
 * @param status ok, breach, or unknown (the guard could not measure)
 * @param measured the measured value, {@code NaN} when there is none
 * @param threshold the limit it was compared with, {@code NaN} when there is none
 * @param reason one sentence with the numbers in brackets, e.g.
 *     "burn rate over 5m [16.2x] is above the threshold [14.4x]"
 */
public record GuardCheck(String guard, Instant at, Status status, double measured, double threshold, String reason) {

    /** Outcome of one check. */
    public enum Status {
        OK, BREACH,
        /** The guard could not measure (e.g. Prometheus unreachable); see {@link GuardMonitor} for how these add up. */
        UNKNOWN
    }

    public GuardCheck {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static GuardCheck ok(String guard, Instant at, double measured, double threshold, String reason) {
        return new GuardCheck(guard, at, Status.OK, measured, threshold, reason);
    }

    public static GuardCheck breach(String guard, Instant at, double measured, double threshold, String reason) {
        return new GuardCheck(guard, at, Status.BREACH, measured, threshold, reason);
    }

    public static GuardCheck unknown(String guard, Instant at, double threshold, String reason) {
        return new GuardCheck(guard, at, Status.UNKNOWN, Double.NaN, threshold, reason);
    }

    /** Not a breach (unknown counts as ok here; the monitor decides when unknowns become a breach). */
    public boolean ok() {
        return status != Status.BREACH;
    }

    public boolean breached() {
        return status == Status.BREACH;
    }
}
