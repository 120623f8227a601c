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

    /** An experiment of the game day that did not run, and why (skipped, or stopped by an earlier outcome). */
    public record NotRun(String title, String reason) {
    }

    /** An entry with what the index shows of it, worked out once. */
    private record Row(Entry entry, Redactor redactor, Headline headline) {

        static Row of(Entry entry) {
            Redactor redactor = Redactor.of(entry.journal());
            return new Row(entry, redactor, Headline.of(entry.journal(), redactor));
        }
    }

    public static String render(String title, List<Entry> entries) {
        return render(title, entries, List.of());
    }

    public static String render(String title, List<Entry> entries, List<NotRun> notRun) {
        List<Row> rows = entries.stream().map(Row::of).toList();
        Html html = new Html(16 * 1024);
        HtmlReport.head(html, title + " · Faultline");
        html.open("body").open("div", "class", "index").newline();
        html.element("h1", title);
        tally(html, rows);
        undoAlerts(html, rows);
        html.open("table", "class", "data index-table", "id", "experiments").open("thead").open("tr");
        for (String head : List.of("#", "experiment", "verdict", "exit", "started", "duration", "faults",
                "what happened")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody").newline();
        int n = 0;
        for (Row row : rows) {
            row(html, ++n, row);
        }
        for (NotRun skipped : notRun) {
            html.open("tr", "class", "row-not-run").element("td", "-", "class", "t").element("td", skipped.title())
                    .open("td").element("span", "NOT RUN", "class", "outcome").close("td")
                    .element("td", "", "class", "t").element("td", "", "class", "t").element("td", "", "class", "t")
                    .element("td", "", "class", "faults").element("td", skipped.reason()).close("tr").newline();
        }
        html.close("tbody").close("table");
        html.element("p", "Each experiment links to its own report, a file next to this one. Times are UTC.",
                "class", "note");
        html.close("div").close("body").close("html").newline();
        return html.toString();
    }

    private static void tally(Html html, List<Row> rows) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        rows.forEach(row -> counts.merge(row.headline().outcome(), 1, Integer::sum));
        html.open("p", "class", "tally").element("b", Formats.count(rows.size(), "experiment", "experiments") + ":");
        counts.forEach((outcome, count) -> html.element("span", count + " " + outcome.label(),
                "class", "outcome v-" + outcome.label()));
        html.close("p");
    }

    private static void undoAlerts(Html html, List<Row> rows) {
        for (Row row : rows) {
            for (String active : row.headline().faults().stillActive(row.redactor())) {
                html.open("p", "class", "bad").text("UNDO FAILED in [" + row.redactor().scrub(row.entry().journal()
                        .title()) + "]: " + active).close("p");
            }
        }
    }

    private static void row(Html html, int n, Row row) {
        Journal journal = row.entry().journal();
        Redactor redactor = row.redactor();
        Headline headline = row.headline();
        Entry entry = row.entry();
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
