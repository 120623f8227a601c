package dev.faultline.safety.load;

import java.time.Instant;

/**
 * What the load probe saw during one sample interval (requests counted when they completed).
 * Latencies are in milliseconds, measured from the intended send time (corrected for coordinated
 * omission); {@code NaN} when nothing completed.
 *
 * @param t end of the interval
 */
public record LoadSample(Instant t, long requests, long errors, long refused, long timeouts,
                         double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** errors / requests, 0 when nothing completed. */
    public double errorRatio() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
