package dev.faultline.safety.sli;

import java.time.Duration;
import java.util.Objects;

/**
 * Bad and total events over a trailing window, as per-second rates.
 *
 * @param badPerSecond bad events per second
 * @param totalPerSecond all events per second; 0 means no traffic
 * @param counted whether the rates are real event counts; {@code false} when the source only knows
 *     the error ratio (then {@code totalPerSecond} is 1 and {@code badPerSecond} is the ratio)
 * @param window the window the rates were measured over
 */
public record SliReading(double badPerSecond, double totalPerSecond, boolean counted, Duration window) {

    public SliReading {
        Objects.requireNonNull(window, "window");
        badPerSecond = clean(badPerSecond);
        totalPerSecond = clean(totalPerSecond);
    }

    /** A source that only knows the error ratio. */
    public static SliReading ratio(double errorRatio, Duration window) {
        return new SliReading(errorRatio, 1, false, window);
    }

    /** From event counts observed over {@code window}. */
    public static SliReading counts(double bad, double total, Duration window) {
        double seconds = window.toNanos() / 1e9;
        return new SliReading(bad / seconds, total / seconds, true, window);
    }

    public boolean hasTraffic() {
        return totalPerSecond > 0;
    }

    /** E = bad / total, 0 without traffic (no events, no budget spent), at most 1. */
    public double errorRatio() {
        if (!hasTraffic()) {
            return 0;
        }
        return Math.min(1, badPerSecond / totalPerSecond);
    }

    /** Bad events in the window (meaningful only when {@link #counted()}). */
    public double badEvents() {
        return badPerSecond * window.toNanos() / 1e9;
    }

    /** All events in the window (meaningful only when {@link #counted()}). */
    public double totalEvents() {
        return totalPerSecond * window.toNanos() / 1e9;
    }

    // NaN comes from 0/0 rates (no traffic) and negative values from counter jitter: both mean "none"
    private static double clean(double v) {
        return Double.isNaN(v) || v < 0 ? 0 : v;
    }
}
