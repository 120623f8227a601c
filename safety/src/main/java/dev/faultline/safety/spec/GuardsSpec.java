package dev.faultline.safety.spec;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The guards of a {@code safety:} block. With SLOs referenced, {@code burn-rate} (14.4 over 5m) and
 * {@code budget-allotment} (2%) are on unless switched off with {@code false}.
 */
public record GuardsSpec(Optional<BurnRateSpec> burnRate, Optional<AllotmentSpec> budgetAllotment,
                         Optional<HealthSpec> health, Optional<LatencySpec> latency, Optional<Duration> maxDuration) {

    public static final double DEFAULT_BURN_RATE = 14.4;
    public static final Duration DEFAULT_BURN_WINDOW = Duration.ofMinutes(5);
    public static final double DEFAULT_ALLOTMENT = 0.02;
    public static final Duration DEFAULT_LATENCY_WINDOW = Duration.ofSeconds(30);

    /** Where a guard reads its SLI from. */
    public enum Source {
        /** Prometheus when the SLO has queries and a server is known, else the load probe. */
        AUTO, PROMETHEUS, LOAD
    }

    /**
     * @param longWindow {@code null}: the short window alone decides
     */
    public record BurnRateSpec(double max, Duration window, Duration longWindow, Source source) {
        public BurnRateSpec {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(source, "source");
        }

        public static BurnRateSpec defaults() {
            return new BurnRateSpec(DEFAULT_BURN_RATE, DEFAULT_BURN_WINDOW, null, Source.AUTO);
        }
    }

    /** @param fraction of the SLO window's budget this run may use; {@code baseline} sets the expected traffic */
    public record AllotmentSpec(double fraction, Duration baseline, Source source) {
        public AllotmentSpec {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(source, "source");
        }
    }

    public record HealthSpec(URI url, int failures, Duration timeout) {
        public HealthSpec {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * @param maxMs {@code NaN}: take it from the SLO's latency objective
     * @param query a Prometheus query returning seconds; {@code null}: the load probe measures
     */
    public record LatencySpec(double percentile, double maxMs, Duration window, String query) {
        public LatencySpec {
            Objects.requireNonNull(window, "window");
        }
    }

    public GuardsSpec {
        Objects.requireNonNull(burnRate, "burnRate");
        Objects.requireNonNull(budgetAllotment, "budgetAllotment");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(maxDuration, "maxDuration");
    }

    public static GuardsSpec none() {
        return new GuardsSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean any() {
        return burnRate.isPresent() || budgetAllotment.isPresent() || health.isPresent() || latency.isPresent()
                || maxDuration.isPresent();
    }
}
