package dev.faultline.report.html;

import dev.faultline.journal.Fault;
import dev.faultline.report.Formats;
import java.time.Duration;
import java.util.List;

/** Each fault: where and what it was, when it was injected and undone, how the undo went, and the evidence. */
record FaultsSection() implements Section {

    static final int MAX_FAULTS = 100;

    @Override
    public String id() {
        return "faults";
    }

    @Override
    public String title() {
        return "Faults";
    }

    @Override
    public void render(Page page, Html html) {
        List<Fault> faults = page.journal().faults();
        if (faults.isEmpty()) {
            Section.none(html, page.journal().faultline() == null
                    ? "No fault data: a plain Chaos Toolkit journal does not record faults; see the method's actions."
                    : "No faults were injected.");
            return;
        }
        html.element("p", page.headline().faults().summary() + ".");
        int n = 0;
        for (Fault fault : faults) {
            if (++n > MAX_FAULTS) {
                html.element("p", "Showing " + MAX_FAULTS + " of " + faults.size() + " faults; the journal has them all.",
                        "class", "note");
                break;
            }
            card(page, html, fault, n);
        }
    }

    private static void card(Page page, Html html, Fault fault, int n) {
        Fault.Undo undo = fault.undo();
        html.open("article", "class", undo.failed() ? "fault fault-bad" : "fault", "id", "fault-" + n);
        html.open("h3");
        page.text(html, fault.id() + " · " + nonNull(fault.driver()) + " " + nonNull(fault.kind()) + " ");
        html.element("span", undoLabel(undo), "class", "badge " + switch (undo.status()) {
            case "undone" -> "ok";
            case "failed" -> "bad";
            case "irreversible" -> "irreversible";
            default -> "muted";
        }).close("h3");
        html.open("dl", "class", "facts");
        fact(page, html, "Target", fault.target());
        fact(page, html, "What", fault.description());
        fact(page, html, "Activity", fault.activity());
        fact(page, html, "Injected", fault.injectedAt() == null ? null
                : page.offset(fault.injectedAt()) + " (" + Formats.utc(fault.injectedAt()) + ")");
        fact(page, html, "Undone", fault.undoneAt() == null ? null
                : page.offset(fault.undoneAt()) + " (" + Formats.utc(fault.undoneAt()) + ")");
        if (fault.injectedAt() != null && fault.undoneAt() != null) {
            fact(page, html, "Active for", Formats.duration(Duration.between(fault.injectedAt(), fault.undoneAt())));
        }
        if (undo.failed() || undo.error() != null) {
            fact(page, html, "Undo error", undo.error() == null ? "(no message)" : undo.error());
        }
        html.close("dl");
        evidence(page, html, fault);
        html.close("article");
    }

    static String undoLabel(Fault.Undo undo) {
        return switch (undo.status()) {
            case "undone" -> "undone" + (undo.by() == null ? "" : " (" + undo.by() + ")");
            case "failed" -> "undo FAILED: may still be active";
            case "irreversible" -> "irreversible: nothing to undo";
            case "not-applied" -> "not applied";
            default -> "undo " + undo.status();
        };
    }

    private static void evidence(Page page, Html html, Fault fault) {
        if (fault.evidence().isEmpty()) {
            Section.none(html, "No evidence recorded for this fault.");
            return;
        }
        html.open("table", "class", "data evidence").open("thead").open("tr");
        for (String head : List.of("at", "evidence", "ok", "observed")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        for (Fault.Evidence e : fault.evidence()) {
            boolean ok = Boolean.TRUE.equals(e.ok());
            html.open("tr", "class", ok ? null : "row-bad").element("td", page.offset(e.at()), "class", "t").open("td");
            page.text(html, e.check());
            html.close("td").open("td").element("span", ok ? "ok" : "NOT OK", "class", ok ? "badge ok" : "badge bad")
                    .close("td").open("td");
            page.value(html, e.observed());
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void fact(Page page, Html html, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        html.element("dt", name).open("dd");
        page.text(html, value);
        html.close("dd");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
