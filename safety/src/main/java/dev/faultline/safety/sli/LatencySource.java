package dev.faultline.safety.sli;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/** Where request latency percentiles come from (the load probe, or a Prometheus histogram query). */
public interface LatencySource {

    String describe();

    /**
     * The {@code percentile} (0..100) latency in milliseconds over the trailing {@code window};
     * empty when no request completed in it.
     */
    OptionalDouble percentileMs(double percentile, Duration window, Instant now) throws SliUnavailableException;
}
