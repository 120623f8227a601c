package dev.faultline.safety.guard;

import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;
import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Breaches when this run has used up its allotment of the error budget (2% by default): the bad
 * events observed since the run started, divided by the budget of the whole SLO window in events,
 * B x (expected events in T). The expected events come from the traffic rate over a baseline window
 * (1 h by default) times T. A source that only knows the error ratio is charged r x elapsed / T,
 * which is the same quantity when traffic is steady.
 */
public final class BudgetAllotmentGuard implements Guard {

    public static final String NAME = "budget-allotment";
    public static final Duration DEFAULT_BASELINE = Duration.ofHours(1);

    private final String name;
    private final SliSource source;
    private final ErrorBudget budget;
    private final double allotment;
    private final Duration baseline;
    private final GuardDefinition definition;
    private volatile Instant runStart;
    private volatile Instant countFrom;
    private volatile double consumed;

    public BudgetAllotmentGuard(SliSource source, ErrorBudget budget, double allotment, Duration baseline, String slo) {
        this(NAME, source, budget, allotment, baseline, slo);
    }

    /** @param name the guard's name, when one run watches several SLOs */
    public BudgetAllotmentGuard(String name, SliSource source, ErrorBudget budget, double allotment, Duration baseline, String slo) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        if (!(allotment > 0 && allotment <= 1)) {
            throw new IllegalArgumentException("budget allotment must be above 0% and at most 100%, but was [" + allotment + "]");
        }
        this.allotment = allotment;
        this.definition = new GuardDefinition(name, "this run may use at most " + Numbers.percent(allotment)
                + " of the " + Durations.human(budget.period()) + " error budget (SLO " + slo + ", " + source.describe() + ")",
                allotment, "budget");
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public void started(Instant at) {
        runStart = countFrom != null && countFrom.isBefore(at) ? countFrom : at;
    }

    /**
     * Counts the budget used from {@code at} rather than from the guard's start: a game day passes
     * its own start, so budget burnt by an earlier experiment still counts against a later one.
     */
    public void countFrom(Instant at) {
        countFrom = at;
    }

    @Override
    public GuardCheck check(Instant now) {
        Instant start = runStart == null ? now : runStart;
        Duration elapsed = Duration.between(start, now);
        if (elapsed.toMillis() < 1000) {
            elapsed = Duration.ofSeconds(1); // ranges below a second select nothing in Prometheus
        }
        elapsed = Duration.ofSeconds((elapsed.toMillis() + 999) / 1000);
        double used;
        try {
            SliReading during = source.read(elapsed, now);
            if (during.counted()) {
                SliReading base = source.read(baseline, now);
                double perSecond = base.hasTraffic() ? base.totalPerSecond() : during.totalPerSecond();
                double expected = perSecond * budget.period().toSeconds();
                used = budget.consumedBy(during.badEvents(), expected);
            } else {
                used = budget.consumed(budget.burnRate(during.errorRatio()), elapsed);
            }
        } catch (SliUnavailableException e) {
            return GuardCheck.unknown(name, now, allotment, "cannot read the SLI: " + e.getMessage());
        }
        consumed = used;
        String text = "budget used by this run [" + Numbers.percent(used) + "]";
        // relative slack: "2% of the budget" computed through a product and a quotient lands a hair under 0.02
        if (used >= allotment * (1 - 1e-9)) {
            return GuardCheck.breach(name, now, used, allotment, text + " reached the allotment [" + Numbers.percent(allotment) + "]");
        }
        return GuardCheck.ok(name, now, used, allotment, text + " is within the allotment [" + Numbers.percent(allotment) + "]");
    }

    /** The budget fraction used by the run as of the last check. */
    public double consumed() {
        return consumed;
    }

    public double allotment() {
        return allotment;
    }

    public ErrorBudget budget() {
        return budget;
    }
}
