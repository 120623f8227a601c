package dev.faultline.report.html;

import dev.faultline.journal.Budget;
import dev.faultline.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The error budget before and after the run, what the run consumed against its allotment, and the burn rate. */
record BudgetSection() implements Section {

    @Override
    public String id() {
        return "budget";
    }

    @Override
    public String title() {
        return "Error budget";
    }

    @Override
    public void render(Page page, Html html) {
        Budget budget = page.journal().budget().orElse(null);
        if (budget == null) {
            Section.none(html, "No error-budget data: the run was not checked against an SLO's error budget.");
            return;
        }
        html.open("p");
        page.text(html, String.format("SLO [%s]: objective %s over %s. Fractions are of the window's whole error "
                + "budget.", budget.slo() == null ? "unnamed" : budget.slo(), budget.objective() == null ? "n/a"
                : Formats.percent(budget.objective()), budget.window() == null ? "its window" : budget.window()));
        html.close("p");
        html.open("dl", "class", "budget-figures");
        figure(html, "remaining before", Formats.percent(budget.remainingBefore()), null);
        boolean over = budget.allotment() != null && budget.consumedByRun() != null
                && budget.consumedByRun() > budget.allotment();
        figure(html, "consumed by this run", Formats.percent(budget.consumedByRun()), over ? "bad" : null);
        figure(html, "remaining after", Formats.percent(budget.remainingAfter()), null);
        figure(html, "allotment for this run", Formats.percent(budget.allotment()), null);
        html.close("dl");
        if (budget.allotment() != null && budget.allotment() > 0 && budget.consumedByRun() != null) {
            html.element("p", String.format(Locale.ROOT, "This run used %s of its allotment%s.",
                    Formats.percent(budget.consumedByRun() / budget.allotment()), over ? ", MORE than allowed" : ""),
                    "class", over ? "bad" : null);
        }
        BudgetBar.draw(html, budget);
        html.element("h3", "Burn rate");
        if (budget.burnRate().isEmpty()) {
            Section.none(html, "No burn-rate series recorded.");
            return;
        }
        List<LineChart.Threshold> thresholds = new ArrayList<>();
        page.journal().guards().ifPresent(guards -> guards.definitions().stream()
                .filter(d -> "x".equals(d.unit()) && d.threshold() != null)
                .forEach(d -> thresholds.add(new LineChart.Threshold("guard " + d.name() + " "
                        + Formats.number(d.threshold()) + "x", d.threshold(), Svg.RED))));
        new LineChart("burn-chart", "Error-budget burn rate over the short and the long window",
                v -> Formats.number(Math.round(v * 10) / 10.0) + "x").draw(page, html, List.of(
                        series("short window", Svg.ORANGE, null, budget, Budget.BurnRate::shortWindow),
                        series("long window", Svg.GREY, "5 3", budget, Budget.BurnRate::longWindow)), thresholds);
    }

    private static void figure(Html html, String label, String value, String mood) {
        html.open("div", "class", mood == null ? "figure" : "figure " + mood).element("dd", value)
                .element("dt", label).close("div");
    }

    private static LineChart.Series series(String name, String color, String dash, Budget budget,
            Function<Budget.BurnRate, Double> value) {
        List<Point> points = new ArrayList<>();
        for (Budget.BurnRate rate : budget.burnRate()) {
            Double v = value.apply(rate);
            if (rate.t() != null && v != null && !v.isNaN() && !v.isInfinite()) {
                points.add(new Point(rate.t(), v));
            }
        }
        return new LineChart.Series(name, color, dash, points);
    }
}
