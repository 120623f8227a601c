package dev.faultline.safety.guard;

import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Breaches once the run has lasted {@code max}: a hard cap on how long faults can stay in place. */
public final class MaxDurationGuard implements Guard {

    public static final String NAME = "max-duration";

    private final Duration max;
    private final GuardDefinition definition;
    private volatile Instant start;

    public MaxDurationGuard(Duration max) {
        this.max = Objects.requireNonNull(max, "max");
        if (max.isZero() || max.isNegative()) {
            throw new IllegalArgumentException("max-duration must be positive, but was [" + max + "]");
        }
        this.definition = new GuardDefinition(NAME, "run lasting longer than " + Durations.human(max), seconds(max), "s");
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public void started(Instant at) {
        start = at;
    }

    @Override
    public GuardCheck check(Instant now) {
        Instant from = start == null ? now : start;
        double elapsed = seconds(Duration.between(from, now));
        double limit = seconds(max);
        if (elapsed >= limit) {
            return GuardCheck.breach(NAME, now, elapsed, limit, "the run has lasted [" + Numbers.format(elapsed)
                    + " s], the maximum is [" + Numbers.format(limit) + " s]");
        }
        return GuardCheck.ok(NAME, now, elapsed, limit, "the run has lasted [" + Numbers.format(elapsed) + " s] of [" + Numbers.format(limit) + " s]");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
