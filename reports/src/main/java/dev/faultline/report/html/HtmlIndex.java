package dev.faultline.report.html;

import dev.faultline.journal.Journal;
import dev.faultline.journal.Outcome;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import dev.faultline.report.Redactor;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The game-day index: one row per experiment (verdict, duration, faults, what happened) linking to
 * each experiment's report, written next to it. Failed undos are called out above everything else.
 */
public final class HtmlIndex {

    private HtmlIndex() {
    }

    /** One experiment of the index: its journal and the file name of its report, relative to the index. */
    public record Entry(Journal journal, String reportFile) {

        public Entry {
            if (!reportFile.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("report file name must be a plain relative file name of letters, "
                        + "digits, '.', '_' and '-', but was [" + reportFile + "]");
            }
        }
    }

    public static String render(String title, List<Entry> entries) {
        Html html = new Html(16 * 1024);
        HtmlReport.head(html, title + " · Faultline");
        html.open("body").open("div", "class", "index").newline();
        html.element("h1", title);
        tally(html, entries);
        undoAlerts(html, entries);
        html.open("table", "class", "data index-table", "id", "experiments").open("thead").open("tr");
        for (String head : List.of("#", "experiment", "verdict", "exit", "started", "duration", "faults",
                "what happened")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody").newline();
        int n = 0;
        for (Entry entry : entries) {
            row(html, ++n, entry);
        }
        html.close("tbody").close("table");
        html.element("p", "Each experiment links to its own report, a file next to this one. Times are UTC.",
                "class", "note");
        html.close("div").close("body").close("html").newline();
        return html.toString();
    }

    private static void tally(Html html, List<Entry> entries) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        entries.forEach(e -> counts.merge(e.journal().outcome(), 1, Integer::sum));
        html.open("p", "class", "tally").element("b", Formats.count(entries.size(), "experiment", "experiments") + ":");
        counts.forEach((outcome, count) -> html.element("span", count + " " + outcome.label(),
                "class", "outcome v-" + outcome.label()));
        html.close("p");
    }

    private static void undoAlerts(Html html, List<Entry> entries) {
        for (Entry entry : entries) {
            Redactor redactor = Redactor.of(entry.journal());
            Headline headline = Headline.of(entry.journal(), redactor);
            for (String active : headline.faults().stillActive(redactor)) {
                html.open("p", "class", "bad").text("UNDO FAILED in [" + redactor.scrub(entry.journal().title())
                        + "]: " + active).close("p");
            }
        }
    }

    private static void row(Html html, int n, Entry entry) {
        Journal journal = entry.journal();
        Redactor redactor = Redactor.of(journal);
        Headline headline = Headline.of(journal, redactor);
        html.open("tr", "class", headline.faults().anyUndoFailed() ? "row-bad" : null)
                .element("td", Integer.toString(n), "class", "t").open("td")
                .element("a", redactor.scrub(journal.title()), "href", entry.reportFile()).close("td")
                .open("td").element("span", headline.label(), "class", "outcome v-" + headline.outcome().label())
                .close("td").element("td", Integer.toString(headline.exitCode()), "class", "t")
                .element("td", journal.startedAt().map(Formats::utc).orElse(""), "class", "t")
                .element("td", Formats.duration(journal.elapsed()), "class", "t")
                .element("td", headline.faults().summary(), "class", "faults")
                .open("td").text(headline.sentence());
        if (!headline.details().isEmpty()) {
            html.open("div", "class", "provider").text(String.join(" ", headline.details())).close("div");
        }
        html.close("td").close("tr").newline();
    }
}
