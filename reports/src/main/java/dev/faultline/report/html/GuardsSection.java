package dev.faultline.report.html;

import dev.faultline.journal.Abort;
import dev.faultline.journal.Guards;
import dev.faultline.report.Formats;
import java.util.List;
import java.util.Locale;

/** Each safety guard: what it watches, its threshold, how often it breached, and whether it fired. */
record GuardsSection() implements Section {

    @Override
    public String id() {
        return "guards";
    }

    @Override
    public String title() {
        return "Safety guards";
    }

    @Override
    public void render(Page page, Html html) {
        Guards guards = page.journal().guards().orElse(null);
        if (guards == null) {
            Section.none(html, "No safety guards: the run had none (nothing could abort it on a burning budget).");
            return;
        }
        html.element("p", guards.intervalMs() == null ? "Checks may be thinned to one per second per guard."
                : String.format(Locale.ROOT, "Checked every %d ms; long runs keep at most one check per second per "
                        + "guard.", guards.intervalMs()));
        Abort abort = page.journal().abort().filter(Abort::byGuard).orElse(null);
        html.open("table", "class", "data").open("thead").open("tr");
        for (String head : List.of("guard", "watches", "threshold", "checks", "breaches", "highest", "first breach",
                "fired")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        for (Guards.Definition guard : GuardLane.lanes(guards)) {
            List<Guards.Check> checks = guards.checks().stream().filter(c -> guard.name().equals(c.guard())).toList();
            long breaches = checks.stream().filter(Guards.Check::breach).count();
            Guards.Check first = checks.stream().filter(Guards.Check::breach).findFirst().orElse(null);
            Double highest = checks.stream().map(Guards.Check::value).filter(v -> v != null)
                    .max(Double::compare).orElse(null);
            boolean fired = abort != null && guard.name().equals(abort.guard());
            html.open("tr", "class", fired ? "row-bad" : null);
            cell(page, html, guard.name());
            cell(page, html, guard.description() == null ? "" : guard.description());
            cell(page, html, guard.threshold() == null ? "" : Formats.withUnit(guard.threshold(), guard.unit()), "t");
            cell(page, html, Long.toString(checks.size()));
            html.open("td").element("span", Long.toString(breaches), "class", breaches > 0 ? "badge bad" : "badge ok")
                    .close("td");
            cell(page, html, highest == null ? "" : Formats.withUnit(highest, guard.unit()), "t");
            cell(page, html, first == null ? "—" : page.offset(first.t()) + ": "
                    + Formats.withUnit(first.value(), guard.unit()), "t");
            html.open("td");
            if (fired) {
                html.element("span", "ABORTED the run", "class", "badge bad");
            } else {
                html.element("span", "no", "class", "muted");
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
        if (abort != null) {
            html.open("p", "class", "bad");
            page.text(html, "Guard [" + abort.guard() + "] fired: " + abort.reason());
            html.close("p");
        }
    }

    private static void cell(Page page, Html html, String text) {
        cell(page, html, text, null);
    }

    private static void cell(Page page, Html html, String text, String cls) {
        html.open("td", "class", cls);
        page.text(html, text);
        html.close("td");
    }
}
