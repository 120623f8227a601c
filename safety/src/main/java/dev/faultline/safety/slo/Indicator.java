package dev.faultline.safety.slo;

import java.util.Objects;

/**
 * How an SLO's good and bad events are measured. Prometheus queries may contain the
 * {@code {{.window}}} placeholder (Sloth's convention); {@link QueryTemplate} replaces it with the
 * window a guard or check asks for.
 */
public sealed interface Indicator {

    /** One line for messages and reports. */
    String describe();

    /**
     * Events counted by Prometheus: {@code total} and exactly one of {@code good} or {@code bad}.
     *
     * @param counter the queries return raw counters (OpenSLO {@code counter: true}) rather than rates
     */
    record EventRatio(String good, String bad, String total, boolean counter) implements Indicator {
        public EventRatio {
            Objects.requireNonNull(total, "total");
            if ((good == null) == (bad == null)) {
                throw new IllegalArgumentException("an event ratio needs exactly one of a good or a bad query");
            }
        }

        public static EventRatio ofBad(String bad, String total) {
            return new EventRatio(null, bad, total, false);
        }

        public static EventRatio ofGood(String good, String total) {
            return new EventRatio(good, null, total, false);
        }

        @Override
        public String describe() {
            return (bad != null ? "bad [" + bad + "]" : "good [" + good + "]") + " / total [" + total + "]";
        }
    }

    /** A query that already returns the error ratio (0..1), e.g. Sloth's {@code raw.error_ratio_query}. */
    record ErrorRatioQuery(String query) implements Indicator {
        public ErrorRatioQuery {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String describe() {
            return "error ratio [" + query + "]";
        }
    }

    /** A value compared with a threshold (OpenSLO {@code thresholdMetric}), e.g. a p95 latency query. */
    record ThresholdQuery(String query, Comparison op, double value) implements Indicator {
        public ThresholdQuery {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(op, "op");
        }

        @Override
        public String describe() {
            return "[" + query + "] " + op.symbol() + " " + value;
        }
    }

    /**
     * Requests slower than {@code thresholdMs} are bad; measured client-side by the load probe, or by
     * {@code query} (returning seconds, like Prometheus histograms) when given.
     */
    record Latency(double percentile, double thresholdMs, String query) implements Indicator {
        public Latency {
            if (!(percentile > 0 && percentile < 100)) {
                throw new IllegalArgumentException("latency percentile must be between 0 and 100, but was [" + percentile + "]");
            }
            if (!(thresholdMs > 0)) {
                throw new IllegalArgumentException("latency threshold must be positive, but was [" + thresholdMs + "]");
            }
        }

        @Override
        public String describe() {
            return "p" + QueryTemplate.number(percentile) + " latency below " + QueryTemplate.number(thresholdMs) + " ms";
        }
    }

    /** Availability with no server-side query: only the load probe (client-side) can measure it. */
    record ClientAvailability() implements Indicator {
        @Override
        public String describe() {
            return "availability measured by the load probe";
        }
    }
}
