package dev.faultline.report.html;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.faultline.journal.RunRecord;
import dev.faultline.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The method's or the rollbacks' activities: status, timing and output of each. Long outputs are
 * collapsed and cut; very long runs show a capped number of rows, always including the failed ones.
 */
record ActivitiesSection(String id, String title, Function<dev.faultline.journal.Journal, List<RunRecord>> records,
        String empty) implements Section {

    static final int MAX_ROWS = 200;

    static ActivitiesSection method() {
        return new ActivitiesSection("method", "Method", dev.faultline.journal.Journal::run,
                "No method activities ran.");
    }

    static ActivitiesSection rollbacks() {
        return new ActivitiesSection("rollbacks", "Rollbacks", dev.faultline.journal.Journal::rollbacks,
                "No rollbacks ran (none declared, or the rollback strategy skipped them).");
    }

    @Override
    public void render(Page page, Html html) {
        List<RunRecord> all = records.apply(page.journal());
        if (all.isEmpty()) {
            Section.none(html, empty);
            return;
        }
        long failed = all.stream().filter(RunRecord::failed).count();
        long skipped = all.stream().filter(RunRecord::skipped).count();
        html.element("p", String.format(Locale.ROOT, "%s: %d succeeded, %d failed, %d skipped.",
                Formats.count(all.size(), "activity", "activities"), all.size() - failed - skipped, failed, skipped));
        html.open("table", "class", "data activities").open("thead").open("tr");
        for (String head : List.of("#", "at", "activity", "status", "duration", "output")) {
            html.element("th", head);
        }
        html.close("tr").close("thead").open("tbody");
        List<Integer> shown = rowsToShow(all);
        for (int index : shown) {
            row(page, html, index + 1, all.get(index));
        }
        html.close("tbody").close("table");
        if (shown.size() < all.size()) {
            html.element("p", String.format(Locale.ROOT, "Showing %d of %d activities (every failed one included); "
                    + "the journal has them all.", shown.size(), all.size()), "class", "note");
        }
    }

    /** The indexes to show: all when few, else every failed one plus the earliest others up to the cap. */
    static List<Integer> rowsToShow(List<RunRecord> all) {
        List<Integer> indexes = new ArrayList<>();
        if (all.size() <= MAX_ROWS) {
            for (int i = 0; i < all.size(); i++) {
                indexes.add(i);
            }
            return indexes;
        }
        long failed = all.stream().filter(RunRecord::failed).count();
        long room = Math.max(0, MAX_ROWS - failed);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).failed() || room-- > 0) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static void row(Page page, Html html, int number, RunRecord record) {
        html.open("tr", "class", record.failed() ? "row-bad" : null).element("td", Integer.toString(number))
                .element("td", page.offset(record.start()), "class", "t").open("td");
        page.text(html, record.activity().name());
        html.open("div", "class", "provider");
        page.text(html, record.activity().type() + " · " + record.activity().providerSummary());
        html.close("div").close("td").open("td").element("span", record.status(), "class",
                record.failed() ? "badge bad" : record.skipped() ? "badge muted" : "badge ok");
        html.close("td").element("td", Formats.duration(record.elapsed())).open("td");
        if (record.failed() && !record.exception().isEmpty()) {
            html.open("div", "class", "reason");
            page.text(html, record.reason());
            html.close("div");
            if (record.exception().size() > 1) {
                page.value(html, TextNode.valueOf(String.join("", record.exception())));
            }
        }
        if (!record.output().isNull() || !record.failed()) {
            page.value(html, record.output());
        }
        html.close("td").close("tr");
    }
}
