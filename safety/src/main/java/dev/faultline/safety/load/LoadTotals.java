package dev.faultline.safety.load;

/**
 * Everything the load probe saw over its whole run. {@code p*Ms} are measured from the intended send
 * time (what users waited); {@code serviceP99Ms} from the actual send time (what the server took), so
 * the gap between the two shows how much waiting the schedule absorbed. {@code NaN} without data.
 *
 * @param abandoned requests still unanswered when the probe stopped (not counted in {@code requests})
 */
public record LoadTotals(long requests, long errors, long refused, long timeouts, double p50Ms, double p95Ms,
                         double p99Ms, double maxMs, double serviceP95Ms, double serviceP99Ms, double serviceMaxMs,
                         long abandoned) {

    public double errorRatio() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
