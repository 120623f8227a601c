package dev.faultline.safety.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * The error budget of an objective over its period T: the fraction of events allowed to be bad,
 * B = 1 - objective (99.9% gives 0.001). All fractions of "the budget" below are fractions of the
 * whole budget of one period: 0.02 means 2% of it.
 *
 * @param objective target fraction of good events, strictly between 0 and 1
 * @param period the SLO window T (e.g. 30 days)
 */
public record ErrorBudget(double objective, Duration period) {

    public ErrorBudget {
        Objects.requireNonNull(period, "period");
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("objective must be between 0 and 1 (exclusive), but was [" + objective + "]");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, but was [" + period + "]");
        }
    }

    /** B = 1 - objective: the allowed error ratio. */
    public double fraction() {
        // decimal subtraction: 1 - 0.999 is exactly 0.001, not 0.0010000000000000009
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(objective)).doubleValue();
    }

    /** The burn rate r = E / B of an observed error ratio E. */
    public double burnRate(double errorRatio) {
        return errorRatio / fraction();
    }

    /** Budget consumed by burning at {@code burnRate} for {@code window}: r * w / T. */
    public double consumed(double burnRate, Duration window) {
        return burnRate * seconds(window) / seconds(period);
    }

    /** Budget consumed by {@code bad} bad events when the period is expected to see {@code expectedTotal} events: bad / (B * total). */
    public double consumedBy(double bad, double expectedTotal) {
        if (expectedTotal <= 0) {
            return bad > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return bad / (fraction() * expectedTotal);
    }

    /** Remaining budget over the period, 1 - bad / (B * total); negative once overspent. */
    public double remaining(double bad, double total) {
        return 1 - consumedBy(bad, total);
    }

    /** Remaining budget from the period's error ratio alone: 1 - E / B. */
    public double remainingFromRatio(double errorRatio) {
        return 1 - burnRate(errorRatio);
    }

    /** The burn rate that consumes {@code fraction} of the budget in {@code window}: r = f * T / w. */
    public double burnRateFor(double fraction, Duration window) {
        return fraction * seconds(period) / seconds(window);
    }

    /** How many bad events are allowed out of {@code totalEvents}: B * total. */
    public double allowedBadEvents(double totalEvents) {
        return fraction() * totalEvents;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
