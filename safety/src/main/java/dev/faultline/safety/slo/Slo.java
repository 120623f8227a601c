package dev.faultline.safety.slo;

import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.config.Durations;

import java.time.Duration;
import java.util.Objects;

/**
 * One service level objective, whatever file format it came from.
 *
 * @param name unique name, e.g. {@code storefront-availability}
 * @param service the service it is about
 * @param objective the target fraction of good events, strictly between 0 and 1 (0.999 for 99.9%)
 * @param window the SLO period T over which the error budget is counted, e.g. 30 days
 * @param indicator how good and bad events are measured
 * @param source the file it was read from, for messages
 */
public record Slo(String name, String service, double objective, Duration window, Indicator indicator,
                  String source) {

    public Slo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(indicator, "indicator");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an SLO needs a name");
        }
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("SLO [" + name + "]: objective must be between 0 and 1 (exclusive), but was ["
                    + objective + "]");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("SLO [" + name + "]: window must be positive, but was [" + window + "]");
        }
        service = service == null ? "" : service;
        source = source == null ? "" : source;
    }

    /** The error budget this objective allows over its window. */
    public ErrorBudget budget() {
        return new ErrorBudget(objective, window);
    }

    /** E.g. {@code storefront-availability (99.9% over 30d)}. */
    public String describe() {
        return name + " (" + percent(objective) + " over " + Durations.human(window) + ")";
    }

    static String percent(double fraction) {
        String s = String.format(java.util.Locale.ROOT, "%.4f", fraction * 100).replaceAll("0+$", "");
        return (s.endsWith(".") ? s.substring(0, s.length() - 1) : s) + "%";
    }
}
