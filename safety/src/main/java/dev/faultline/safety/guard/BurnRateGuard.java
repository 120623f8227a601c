package dev.faultline.safety.guard;

import dev.faultline.safety.budget.BurnRate;
import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;
import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Breaches when the error budget burns faster than {@code max} over the short window: r = E / B.
 * With a long window as well, both must exceed {@code max} (the Workbook's multiwindow rule); without
 * one, the short window alone decides, which is what a short experiment needs. Every reading is kept
 * for the journal's {@code budget.burn_rate} series.
 */
public final class BurnRateGuard implements Guard {

    public static final String NAME = "burn-rate";

    /** One point of the burn-rate series; {@code longRate} is {@code NaN} without a long window. */
    public record Point(Instant t, double shortRate, double longRate) {}

    private final String name;
    private final SliSource source;
    private final ErrorBudget budget;
    private final Duration window;
    private final Duration longWindow;
    private final double max;
    private final GuardDefinition definition;
    private final List<Point> history = new ArrayList<>();

    /**
     * @param longWindow {@code null} to decide on the short window alone
     * @param slo the SLO's name, for messages
     */
    public BurnRateGuard(SliSource source, ErrorBudget budget, Duration window, Duration longWindow, double max, String slo) {
        this(NAME, source, budget, window, longWindow, max, slo);
    }

    /** @param name the guard's name, when one run watches several SLOs (e.g. {@code burn-rate/checkout}) */
    public BurnRateGuard(String name, SliSource source, ErrorBudget budget, Duration window, Duration longWindow, double max,
                         String slo) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.window = Objects.requireNonNull(window, "window");
        this.longWindow = longWindow;
        if (!(max > 0)) {
            throw new IllegalArgumentException("burn-rate threshold must be above 0, but was [" + max + "]");
        }
        this.max = max;
        String over = Durations.human(window) + (longWindow == null ? "" : " and " + Durations.human(longWindow));
        this.definition = new GuardDefinition(name, "burn rate over " + over + " above " + Numbers.format(max)
                + " (SLO " + slo + ", " + source.describe() + ")", max, "x");
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public GuardCheck check(Instant now) {
        SliReading shortReading;
        SliReading longReading = null;
        try {
            shortReading = source.read(window, now);
            if (longWindow != null) {
                longReading = source.read(longWindow, now);
            }
        } catch (SliUnavailableException e) {
            return GuardCheck.unknown(name, now, max, "cannot read the SLI: " + e.getMessage());
        }
        double rate = budget.burnRate(shortReading.errorRatio());
        double longRate = longReading == null ? Double.NaN : budget.burnRate(longReading.errorRatio());
        synchronized (history) {
            history.add(new Point(now, rate, longRate));
        }
        String w = Durations.human(window);
        if (!shortReading.hasTraffic()) {
            return GuardCheck.ok(name, now, 0, max, "no traffic over " + w);
        }
        boolean shortHot = rate > max;
        boolean longHot = longReading == null || longRate > max;
        String measured = "burn rate over " + w + " [" + BurnRate.format(rate) + "]";
        String ratio = " (error ratio [" + Numbers.percent(shortReading.errorRatio()) + "])";
        if (shortHot && longHot) {
            String both = longReading == null ? "" : " and over " + Durations.human(longWindow) + " [" + BurnRate.format(longRate) + "]";
            return GuardCheck.breach(name, now, rate, max, measured + both + " is above the threshold [" + BurnRate.format(max) + "]" + ratio);
        }
        return GuardCheck.ok(name, now, rate, max, measured + " is within the threshold [" + BurnRate.format(max) + "]" + ratio);
    }

    /** Every reading so far, oldest first. */
    public List<Point> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    public ErrorBudget budget() {
        return budget;
    }

    public Duration window() {
        return window;
    }

    public Duration longWindow() {
        return longWindow;
    }
}
