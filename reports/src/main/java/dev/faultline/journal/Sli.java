package dev.faultline.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Service-level indicators measured during the run, the SLO they are held to, and their totals. */
public record Sli(String source, String target, Slo slo, List<Sample> samples, Totals totals) {

    public Sli {
        samples = Lists.copy(samples);
    }

    /** The objectives: availability as a fraction (0.999) and latency thresholds by percentile ({@code p95 -> 200}). */
    public record Slo(Double availability, Map<String, Double> latencyMs) {

        public Slo {
            latencyMs = latencyMs == null ? Map.of() : Map.copyOf(latencyMs);
        }
    }

    /** One measurement interval. */
    public record Sample(Instant t, Long requests, Long errors, Double errorRatio, Double p50Ms, Double p95Ms,
            Double p99Ms, Double maxMs) {
    }

    /** The whole run's figures. */
    public record Totals(Long requests, Long errors, Double p50Ms, Double p95Ms, Double p99Ms) {
    }
}
