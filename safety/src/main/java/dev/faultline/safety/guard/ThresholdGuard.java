package dev.faultline.safety.guard;

import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;
import dev.faultline.safety.sli.LatencySource;
import dev.faultline.safety.sli.SliUnavailableException;
import dev.faultline.safety.slo.Comparison;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Breaches when a measured value stops meeting its objective, e.g. the p95 latency rising above the
 * SLO's 300 ms ({@link #latency}) or an OpenSLO threshold query leaving its range.
 */
public final class ThresholdGuard implements Guard {

    /** Reads the current value; empty when there is nothing to measure (no requests completed). */
    @FunctionalInterface
    public interface Reading {
        OptionalDouble read(Instant now) throws SliUnavailableException;
    }

    private final GuardDefinition definition;
    private final Reading reading;
    private final Comparison objective;
    private final String what;

    /**
     * @param objective the comparison that must hold ({@code measured objective threshold}), e.g. LTE
     * @param what the measured quantity for messages, e.g. "p95 latency over 30s"
     */
    public ThresholdGuard(GuardDefinition definition, Reading reading, Comparison objective, String what) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.reading = Objects.requireNonNull(reading, "reading");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.what = Objects.requireNonNull(what, "what");
    }

    /** The {@code percentile} latency over {@code window} must stay at or below {@code maxMs}. */
    public static ThresholdGuard latency(LatencySource source, double percentile, double maxMs, Duration window) {
        String p = "p" + Numbers.format(percentile);
        String what = p + " latency over " + Durations.human(window);
        GuardDefinition def = new GuardDefinition("latency", what + " above " + Numbers.format(maxMs) + " ms ("
                + source.describe() + ")", maxMs, "ms");
        return new ThresholdGuard(def, now -> source.percentileMs(percentile, window, now), Comparison.LTE, what);
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public GuardCheck check(Instant now) {
        double threshold = definition.threshold();
        OptionalDouble value;
        try {
            value = reading.read(now);
        } catch (SliUnavailableException e) {
            return GuardCheck.unknown(name(), now, threshold, "cannot measure " + what + ": " + e.getMessage());
        }
        if (value.isEmpty()) {
            return GuardCheck.ok(name(), now, Double.NaN, threshold, "nothing to measure for " + what);
        }
        double v = value.getAsDouble();
        String unit = definition.unit().isEmpty() ? "" : " " + definition.unit();
        String text = what + " [" + Numbers.format(v) + unit + "]";
        if (objective.holds(v, threshold)) {
            return GuardCheck.ok(name(), now, v, threshold, text + " meets the objective " + objective.symbol() + " ["
                    + Numbers.format(threshold) + unit + "]");
        }
        return GuardCheck.breach(name(), now, v, threshold, text + " misses the objective " + objective.symbol() + " ["
                + Numbers.format(threshold) + unit + "]");
    }
}
