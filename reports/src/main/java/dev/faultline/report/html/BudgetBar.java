package dev.faultline.report.html;

import dev.faultline.journal.Budget;
import dev.faultline.report.Formats;

/**
 * The window's whole error budget as one bar: spent before the run, consumed by the run, remaining
 * after it, with the run's allotment bracketed, so "how much did this cost" reads without numbers.
 */
final class BudgetBar {

    private static final double X0 = 10;
    private static final double X1 = 990;

    private BudgetBar() {
    }

    static void draw(Html html, Budget budget) {
        if (budget.remainingBefore() == null) {
            return;
        }
        double before = clamp(budget.remainingBefore());
        double consumed = budget.consumedByRun() == null ? 0 : clamp(budget.consumedByRun());
        double spent = 1 - before;
        Svg.open(html, "budget-bar", 68, "Error budget: " + Formats.percent(spent) + " spent before the run, "
                + Formats.percent(consumed) + " consumed by it, " + Formats.percent(before - consumed) + " left");
        Svg.rect(html, X0, 8, X1 - X0, 22, "#dafbe1", "budget-remaining", "remaining after the run");
        Svg.rect(html, X0, 8, x(spent) - X0, 22, "#d0d7de", "budget-spent", "spent before the run: "
                + Formats.percent(spent));
        Svg.rect(html, x(spent), 8, Math.max(x(spent + consumed) - x(spent), 2), 22, Svg.RED, "budget-consumed",
                "consumed by this run: " + Formats.percent(consumed));
        if (budget.allotment() != null && budget.allotment() > 0) {
            double a2 = x(Math.min(1, spent + budget.allotment()));
            html.empty("rect", "x", Svg.n(x(spent)), "y", "4", "width", Svg.n(Math.max(a2 - x(spent), 2)), "height", "30",
                    "fill", "none", "stroke", Svg.AMBER, "stroke-width", "2", "stroke-dasharray", "4 3", "class",
                    "budget-allotment");
            // The label goes where it cannot collide with the scale's ends.
            boolean right = a2 < (X0 + X1) / 2;
            Svg.text(html, right ? a2 + 4 : x(spent) - 4, 48, "allotment " + Formats.percent(budget.allotment()),
                    right ? "start" : "end", "#7d4e00", null);
        }
        Svg.text(html, X0, 62, "0%", "start", Svg.MUTED, null);
        Svg.text(html, X1, 62, "100% of the budget", "end", Svg.MUTED, null);
        html.close("svg");
        html.open("p", "class", "legend");
        TimelineSection.swatch(html, "sw-spent", "spent before the run");
        TimelineSection.swatch(html, "sw-consumed", "consumed by this run");
        TimelineSection.swatch(html, "sw-remaining", "remaining after the run");
        TimelineSection.swatch(html, "sw-allotment", "the run's allotment");
        html.close("p");
    }

    private static double x(double fraction) {
        return X0 + (X1 - X0) * clamp(fraction);
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }
}
