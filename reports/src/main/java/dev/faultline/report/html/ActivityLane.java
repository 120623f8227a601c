package dev.faultline.report.html;

import dev.faultline.journal.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every method and rollback activity in one lane. Activities closer than a pixel merge into one mark,
 * so a run with thousands of activities draws a few hundred shapes.
 */
final class ActivityLane {

    private ActivityLane() {
    }

    static void draw(Page page, Html html, double y) {
        PhaseLane.label(page, html, "method + rollbacks", y);
        List<RunRecord> records = new ArrayList<>(page.journal().run());
        records.addAll(page.journal().rollbacks());
        records.removeIf(r -> r.start() == null);
        records.sort(Comparator.comparing(RunRecord::start));
        html.open("g", "class", "activities");
        Mark mark = null;
        for (RunRecord record : records) {
            double x1 = page.scale().x(record.start());
            double x2 = record.end() == null ? x1 : page.scale().x(record.end());
            boolean failed = record.failed();
            if (mark != null && failed == mark.failed && x1 <= mark.x2 + 1) {
                mark = new Mark(mark.x1, Math.max(mark.x2, x2), failed, mark.count + 1, mark.first);
                continue;
            }
            if (mark != null) {
                mark.draw(page, html, y);
            }
            mark = new Mark(x1, x2, failed, 1, record);
        }
        if (mark != null) {
            mark.draw(page, html, y);
        }
        html.close("g");
    }

    /** One drawn mark: a single activity or a run of them too close to tell apart. */
    private record Mark(double x1, double x2, boolean failed, int count, RunRecord first) {

        void draw(Page page, Html html, double y) {
            String title = count == 1
                    ? first.activity().name() + " (" + first.activity().type() + "): " + first.status() + " at "
                            + page.offset(first.start())
                    : count + " activities from " + page.offset(first.start()) + (failed ? ", failed" : "");
            Svg.rect(html, x1, y + 5, Math.max(x2 - x1, 2), 12, failed ? Svg.RED : "#57606a",
                    failed ? "activity activity-failed" : "activity", page.redactor().scrub(Objects.toString(title)));
        }
    }
}
