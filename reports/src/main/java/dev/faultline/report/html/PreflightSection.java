package dev.faultline.report.html;

import dev.faultline.journal.Refusal;
import java.util.List;

/** The pre-flight and blast-radius verdicts, shown when they refused the run. */
record PreflightSection() implements Section {

    @Override
    public String id() {
        return "preflight";
    }

    @Override
    public String title() {
        return "Pre-flight";
    }

    @Override
    public void render(Page page, Html html) {
        Refusal refusal = page.journal().refusal().orElse(null);
        if (refusal == null) {
            Section.none(html, page.journal().faultline() == null ? "No pre-flight data in a Chaos Toolkit journal."
                    : "The run was not refused: pre-flight checks and the blast-radius policy allowed it.");
            return;
        }
        html.element("p", "The run was refused before anything was injected.", "class", "bad");
        html.open("table", "class", "data").open("thead").open("tr");
        for (String head : List.of("check", "verdict", "reason")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        for (Refusal.Verdict verdict : refusal.verdicts()) {
            html.open("tr", "class", verdict.denied() ? "row-bad" : null).open("td");
            page.text(html, verdict.check());
            html.close("td").open("td").element("span", verdict.denied() ? "DENIED" : "allowed", "class",
                    verdict.denied() ? "badge bad" : "badge ok").close("td").open("td");
            page.text(html, verdict.reason());
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }
}
