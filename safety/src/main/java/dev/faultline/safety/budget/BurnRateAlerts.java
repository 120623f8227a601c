package dev.faultline.safety.budget;

import java.time.Duration;
import java.util.List;

/**
 * The multiwindow, multi-burn-rate table of the Google SRE Workbook ("Alerting on SLOs"), derived for
 * any SLO period: page when 2% of the budget burns in 1 h or 5% in 6 h, ticket when 10% burns in
 * 1 d or in 3 d; each short window is 1/12 of its long window. For a 30-day period the rates are the
 * Workbook's 14.4, 6, 3 and 1.
 */
public final class BurnRateAlerts {

    /** Short windows are this fraction of their long windows. */
    public static final int SHORT_WINDOW_DIVISOR = 12;

    private BurnRateAlerts() {
    }

    public static List<BurnRateAlert> workbook(ErrorBudget budget) {
        return List.of(
                row(budget, "page", Duration.ofHours(1), 0.02),
                row(budget, "page", Duration.ofHours(6), 0.05),
                row(budget, "ticket", Duration.ofDays(1), 0.10),
                row(budget, "ticket", Duration.ofDays(3), 0.10));
    }

    /** The row for spending {@code fraction} of the budget in {@code longWindow}. */
    public static BurnRateAlert row(ErrorBudget budget, String severity, Duration longWindow, double fraction) {
        return new BurnRateAlert(severity, longWindow, longWindow.dividedBy(SHORT_WINDOW_DIVISOR),
                budget.burnRateFor(fraction, longWindow), fraction);
    }
}
