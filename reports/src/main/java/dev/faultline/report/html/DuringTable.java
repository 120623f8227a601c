package dev.faultline.report.html;

import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.RunRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypothesis checks made while the method ran: one summary row per probe (how often it missed
 * and the first miss), and every check behind a collapsed list, capped for long runs.
 */
final class DuringTable {

    static final int MAX_ROWS = 200;

    private DuringTable() {
    }

    static void write(Page page, Html html, List<HypothesisRun> during) {
        html.open("h3").text("During the method ");
        if (during.isEmpty()) {
            html.element("span", "not checked", "class", "badge muted").close("h3");
            Section.none(html, "No checks during the method (the hypothesis strategy checks before and after only).");
            return;
        }
        long missed = during.stream().filter(r -> !r.met()).count();
        html.element("span", missed == 0 ? "met in all " + during.size() : "NOT MET in " + missed + " of "
                + during.size(), "class", missed == 0 ? "badge ok" : "badge bad").close("h3");
        Map<String, Tally> byProbe = new LinkedHashMap<>();
        for (HypothesisRun run : during) {
            for (RunRecord probe : run.probes()) {
                byProbe.computeIfAbsent(probe.activity().name(), k -> new Tally()).add(probe);
            }
        }
        html.open("table", "class", "data probes").open("thead").open("tr");
        for (String head : List.of("probe", "tolerance", "checks", "not met", "first miss", "observed at first miss")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        byProbe.forEach((name, tally) -> {
            html.open("tr", "class", tally.missed > 0 ? "row-bad" : null).open("td");
            page.text(html, name);
            html.close("td").open("td");
            page.value(html, tally.sample.activity().tolerance());
            html.close("td").element("td", Integer.toString(tally.checks)).open("td")
                    .element("span", Integer.toString(tally.missed), "class", tally.missed > 0 ? "badge bad" : "badge ok")
                    .close("td").element("td", tally.firstMiss == null ? "—" : page.offset(tally.firstMiss.start()), "class", "t")
                    .open("td");
            if (tally.firstMiss == null) {
                html.element("span", "—", "class", "muted");
            } else {
                page.value(html, tally.firstMiss.output());
            }
            html.close("td").close("tr");
        });
        html.close("tbody").close("table");
        every(page, html, during);
    }

    private static void every(Page page, Html html, List<HypothesisRun> during) {
        int probes = during.stream().mapToInt(r -> r.probes().size()).sum();
        html.open("details", "class", "all-checks").element("summary", "Every check (" + probes + " probe runs)");
        html.open("table", "class", "data probes").open("thead").open("tr");
        for (String head : List.of("at", "probe", "tolerance", "observed", "result", "duration")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        int shown = 0;
        for (HypothesisRun run : during) {
            for (RunRecord probe : run.probes()) {
                if (shown++ >= MAX_ROWS) {
                    break;
                }
                HypothesisSection.row(page, html, probe, true);
            }
        }
        html.close("tbody").close("table");
        if (probes > MAX_ROWS) {
            html.element("p", "Showing the first " + MAX_ROWS + " of " + probes + " probe runs; the journal has them all.",
                    "class", "note");
        }
        html.close("details");
    }

    /** How one probe fared across the checks. */
    private static final class Tally {
        private int checks;
        private int missed;
        private RunRecord sample;
        private RunRecord firstMiss;

        void add(RunRecord probe) {
            checks++;
            sample = sample == null ? probe : sample;
            if (!Boolean.TRUE.equals(probe.toleranceMet()) && !probe.skipped()) {
                missed++;
                firstMiss = firstMiss == null ? probe : firstMiss;
            }
        }
    }
}
