package dev.faultline.safety.preflight;

import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;
import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Refuses a run when the SLO's remaining error budget over its window, 1 - bad / (B x total), is below
 * the policy minimum: an experiment must not spend budget the service no longer has. When the SLI
 * cannot be read the check denies ("cannot tell" is not "enough budget").
 */
public final class RemainingBudgetCheck implements PreflightCheck {

    public static final String NAME = "remaining-budget";

    private final SliSource source;
    private final ErrorBudget budget;
    private final double minimum;
    private final String slo;
    private volatile OptionalDouble remaining = OptionalDouble.empty();

    public RemainingBudgetCheck(SliSource source, ErrorBudget budget, double minimum, String slo) {
        this.source = Objects.requireNonNull(source, "source");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.minimum = minimum;
        this.slo = slo;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict evaluate(Instant now) {
        SliReading reading;
        try {
            reading = source.read(budget.period(), now);
        } catch (SliUnavailableException e) {
            return Verdict.deny(NAME, "cannot tell the remaining budget of SLO [" + slo + "]: " + e.getMessage());
        }
        double left = reading.counted() && reading.hasTraffic()
                ? budget.remaining(reading.badEvents(), reading.totalEvents())
                : budget.remainingFromRatio(reading.errorRatio());
        remaining = OptionalDouble.of(left);
        String window = Durations.human(budget.period());
        if (left < minimum) {
            return Verdict.deny(NAME, "remaining budget [" + Numbers.percent(left) + "] of SLO [" + slo + "] over "
                    + window + " is below the policy minimum [" + Numbers.percent(minimum) + "]");
        }
        return Verdict.allow(NAME, "remaining budget [" + Numbers.percent(left) + "] of SLO [" + slo + "] over "
                + window + " is at or above the policy minimum [" + Numbers.percent(minimum) + "]");
    }

    /** The remaining budget measured by the last evaluation, for the journal's {@code budget.remaining_before}. */
    public OptionalDouble remaining() {
        return remaining;
    }
}
