package dev.faultline.safety.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code data} of a Prometheus query answer, typed by {@code resultType}. Values are doubles;
 * Prometheus's {@code "NaN"}, {@code "+Inf"} and {@code "-Inf"} strings become the matching doubles.
 */
public sealed interface QueryResult {

    /** One labelled value at one time. */
    record Sample(Map<String, String> metric, Instant time, double value) {
        public Sample {
            metric = Map.copyOf(metric);
        }
    }

    /** One point of a range series. */
    record Point(Instant time, double value) {}

    /** One labelled series of a range query. */
    record Series(Map<String, String> metric, List<Point> points) {
        public Series {
            metric = Map.copyOf(metric);
            points = List.copyOf(points);
        }
    }

    /** {@code resultType: vector}. */
    record Vector(List<Sample> samples) implements QueryResult {
        public Vector {
            samples = List.copyOf(samples);
        }
    }

    /** {@code resultType: matrix}. */
    record Matrix(List<Series> series) implements QueryResult {
        public Matrix {
            series = List.copyOf(series);
        }
    }

    /** {@code resultType: scalar}. */
    record Scalar(Instant time, double value) implements QueryResult {}

    /** {@code resultType: string}. */
    record Text(Instant time, String value) implements QueryResult {}

    /**
     * The single number an instant query produced: a scalar, or a vector of exactly one sample.
     * Empty for an empty vector (no series matched).
     *
     * @throws IllegalStateException when the result holds several series or is not a number
     */
    default OptionalDouble singleValue() {
        if (this instanceof Scalar s) {
            return OptionalDouble.of(s.value());
        }
        if (this instanceof Vector v) {
            if (v.samples().isEmpty()) {
                return OptionalDouble.empty();
            }
            if (v.samples().size() > 1) {
                throw new IllegalStateException("expected one series but the query returned [" + v.samples().size()
                        + "]; aggregate it, e.g. with sum(...)");
            }
            return OptionalDouble.of(v.samples().get(0).value());
        }
        throw new IllegalStateException("expected a number but the query returned a " + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
}
