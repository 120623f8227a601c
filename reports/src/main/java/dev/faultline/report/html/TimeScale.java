package dev.faultline.report.html;

import dev.faultline.report.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps the run's time range onto the horizontal axis every chart shares, so the timeline, the SLI
 * charts and the burn-rate chart line up one above the other.
 */
record TimeScale(Instant from, Instant to) {

    /** Width of every chart's viewBox. */
    static final double WIDTH = 1000;
    /** Left edge of the plot area; the gutter left of it holds lane labels and legends. */
    static final double X0 = 190;
    /** Right edge of the plot area. */
    static final double X1 = 980;

    private static final long[] STEPS_MS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
            120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};

    TimeScale {
        if (!to.isAfter(from)) {
            to = from.plusSeconds(1);
        }
    }

    double spanMs() {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    /** The x coordinate of {@code t}, clamped to the plot area. */
    double x(Instant t) {
        double ms = Duration.between(from, t).toNanos() / 1e6;
        double x = X0 + (X1 - X0) * ms / spanMs();
        return Math.max(X0, Math.min(X1, x));
    }

    /** About six to ten evenly spaced ticks, labelled as offsets from the start. */
    List<Tick> ticks() {
        double span = spanMs();
        long step = STEPS_MS[STEPS_MS.length - 1];
        for (long candidate : STEPS_MS) {
            if (span / candidate <= 10) {
                step = candidate;
                break;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (long ms = 0; ms <= span; ms += step) {
            Instant t = from.plusMillis(ms);
            ticks.add(new Tick(x(t), label(ms)));
        }
        return ticks;
    }

    private static String label(long ms) {
        if (ms == 0) {
            return "0";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? "+" + ms / 1000 + " s" : String.format(Locale.ROOT, "+%.1f s", ms / 1000.0);
        }
        return Formats.offset(Instant.EPOCH.plusMillis(ms), Instant.EPOCH).replaceAll("\\.0$", "");
    }

    /** One axis tick: where it is and what it says. */
    record Tick(double x, String label) {
    }
}
