package dev.faultline.report.html;

import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Outcome;
import dev.faultline.journal.RunRecord;
import dev.faultline.report.Formats;
import java.util.List;

/** The steady-state hypothesis before, during and after the method: each probe's tolerance, observation and result. */
record HypothesisSection() implements Section {

    @Override
    public String id() {
        return "steady-state";
    }

    @Override
    public String title() {
        return "Steady-state hypothesis";
    }

    @Override
    public void render(Page page, Html html) {
        String hypothesis = page.journal().experiment().hypothesisTitle();
        if (hypothesis != null) {
            html.open("p").text("Hypothesis: ");
            page.text(html, hypothesis);
            html.close("p");
        }
        single(page, html, "Before the method", page.journal().steadyStates().before());
        DuringTable.write(page, html, page.journal().steadyStates().during());
        single(page, html, "After the method", page.journal().steadyStates().after());
    }

    private static void single(Page page, Html html, String heading, HypothesisRun run) {
        html.open("h3").text(heading + " ");
        if (run == null) {
            html.element("span", "not run", "class", "badge muted").close("h3");
            Section.none(html, "Not run: " + whyNotRun(page.journal().outcome()) + ".");
            return;
        }
        html.element("span", run.met() ? "met" : "NOT MET", "class", run.met() ? "badge ok" : "badge bad")
                .close("h3");
        if (run.probes().isEmpty()) {
            Section.none(html, "The hypothesis has no probes.");
            return;
        }
        html.open("table", "class", "data probes").open("thead").open("tr");
        for (String head : List.of("probe", "tolerance", "observed", "result", "duration")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        for (RunRecord probe : run.probes()) {
            row(page, html, probe, false);
        }
        html.close("tbody").close("table");
    }

    /** One probe run as a table row, optionally led by the time it ran. */
    static void row(Page page, Html html, RunRecord probe, boolean withTime) {
        html.open("tr", "class", Boolean.FALSE.equals(probe.toleranceMet()) ? "row-bad" : null);
        if (withTime) {
            html.element("td", page.offset(probe.start()), "class", "t");
        }
        html.open("td");
        page.text(html, probe.activity().name());
        html.close("td").open("td");
        page.value(html, probe.activity().tolerance());
        html.close("td").open("td");
        page.value(html, probe.output());
        html.close("td").open("td");
        result(page, html, probe);
        html.close("td").element("td", Formats.duration(probe.elapsed())).close("tr");
    }

    static void result(Page page, Html html, RunRecord probe) {
        if (probe.skipped()) {
            html.element("span", "skipped", "class", "badge muted");
        } else if (Boolean.TRUE.equals(probe.toleranceMet())) {
            html.element("span", "met", "class", "badge ok");
        } else if (Boolean.FALSE.equals(probe.toleranceMet())) {
            html.element("span", "NOT MET", "class", "badge bad");
        } else {
            html.element("span", probe.status(), "class", probe.failed() ? "badge bad" : "badge muted");
        }
        if (probe.failed() && probe.reason() != null) {
            html.open("div", "class", "reason");
            page.text(html, probe.reason());
            html.close("div");
        }
    }

    static String whyNotRun(Outcome outcome) {
        return switch (outcome) {
            case REFUSED -> "the run was refused before anything ran";
            case ABORTED -> "the run was aborted before this check";
            case INTERRUPTED -> "the run was interrupted before this check";
            case NOT_MET -> "the steady state was not met before the method, so the run stopped there";
            case ERROR -> "the run stopped with an error before this check";
            case HELD, DEVIATED -> "the experiment's hypothesis strategy does not check here, or it declares no "
                    + "steady-state hypothesis";
        };
    }
}
