package dev.faultline.safety.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * The first breach a {@link GuardMonitor} saw: what the journal's {@code abort} records about it.
 *
 * @param guard the guard's name
 * @param measured the measured value ({@code NaN} when the guard breached without one)
 * @param threshold the limit
 * @param reason one sentence with the numbers in brackets
 * @param detectedAt when the monitor had the breaching result in hand
 * @param check the check that breached
 */
public record Breach(String guard, double measured, double threshold, String reason, Instant detectedAt, GuardCheck check) {

    public Breach {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(check, "check");
    }

    static Breach of(GuardCheck check, Instant detectedAt) {
        return new Breach(check.guard(), check.measured(), check.threshold(), check.reason(), detectedAt, check);
    }
}
