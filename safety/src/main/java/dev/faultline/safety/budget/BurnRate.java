package dev.faultline.safety.budget;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How fast an error budget is being spent: 1 means exactly at the pace that uses the whole budget
 * in one period, 14.4 means 14.4 times faster.
 *
 * @param value r = E / B
 * @param errorRatio the observed error ratio E
 * @param budget the budget it is measured against
 */
public record BurnRate(double value, double errorRatio, ErrorBudget budget) {

    public BurnRate {
        Objects.requireNonNull(budget, "budget");
    }

    public static BurnRate of(double errorRatio, ErrorBudget budget) {
        return new BurnRate(budget.burnRate(errorRatio), errorRatio, budget);
    }

    /** Fraction of the period's budget spent if this rate lasts for {@code window}. */
    public double consumedOver(Duration window) {
        return budget.consumed(value, window);
    }

    public boolean exceeds(double threshold) {
        return value > threshold;
    }

    @Override
    public String toString() {
        return format(value);
    }

    /** E.g. {@code 16.2x}. */
    public static String format(double rate) {
        if (Double.isInfinite(rate)) {
            return "infx";
        }
        String s = String.format(Locale.ROOT, "%.2f", rate).replaceAll("0+$", "");
        return (s.endsWith(".") ? s.substring(0, s.length() - 1) : s) + "x";
    }
}
