package dev.faultline.report.html;

import dev.faultline.journal.Fault;
import dev.faultline.report.Formats;
import java.time.Duration;
import java.time.Instant;

/** One fault on the timeline: the window it was active, or a mark for faults with nothing to undo. */
final class FaultLane {

    private FaultLane() {
    }

    static void draw(Page page, Html html, Fault fault, double y) {
        PhaseLane.label(page, html, fault.id() + " " + (fault.kind() == null ? "" : fault.kind()), y);
        if (fault.injectedAt() == null) {
            Svg.text(html, TimeScale.X0 + 4, y + 15, "not injected", "start", Svg.MUTED, "fault-note");
            return;
        }
        double x1 = page.scale().x(fault.injectedAt());
        String where = (fault.description() == null ? "" : fault.description() + " ") + "on "
                + fault.target() + ", injected at " + page.offset(fault.injectedAt());
        switch (fault.undo().status()) {
            case "irreversible" -> {
                html.open("path", "d", diamond(x1, y + 11), "fill", Svg.PURPLE, "class", "fault-irreversible")
                        .element("title", page.redactor().scrub(where + "; irreversible: nothing to undo"))
                        .close("path");
                Svg.text(html, x1 + 9, y + 15, "irreversible", "start", Svg.PURPLE, "fault-note");
            }
            case "not-applied" -> Svg.text(html, x1, y + 15, "✕ not applied", "start", Svg.MUTED, "fault-note");
            case "failed" -> {
                double x2 = TimeScale.X1;
                html.open("rect", "x", Svg.n(x1), "y", Svg.n(y + 4), "width", Svg.n(Math.max(x2 - x1, 2)), "height",
                        "14", "fill", "#ffd8d3", "stroke", Svg.RED, "stroke-width", "1.5", "class",
                        "fault-window fault-undo-failed").element("title", page.redactor().scrub(where
                        + "; undo FAILED, may still be active: " + fault.undo().error())).close("rect");
                Svg.text(html, x2 - 4, y + 15, "undo FAILED: may still be active", "end", Svg.RED, "fault-note");
            }
            default -> window(page, html, fault, y, x1, where);
        }
    }

    private static void window(Page page, Html html, Fault fault, double y, double x1, String where) {
        Instant until = fault.undoneAt();
        double x2 = until == null ? TimeScale.X1 : page.scale().x(until);
        String undone = until == null ? "; undo status " + fault.undo().status()
                : "; undone at " + page.offset(until) + (fault.undo().by() == null ? "" : " by " + fault.undo().by())
                        + " (active " + Formats.duration(Duration.between(fault.injectedAt(), until)) + ")";
        html.open("rect", "x", Svg.n(x1), "y", Svg.n(y + 4), "width", Svg.n(Math.max(x2 - x1, 2)), "height", "14",
                "fill", Svg.FAULT_FILL, "stroke", Svg.AMBER, "class", "fault-window")
                .element("title", page.redactor().scrub(where + undone)).close("rect");
    }

    private static String diamond(double x, double cy) {
        return "M" + Svg.n(x) + " " + Svg.n(cy - 7) + "L" + Svg.n(x + 7) + " " + Svg.n(cy) + "L" + Svg.n(x) + " "
                + Svg.n(cy + 7) + "L" + Svg.n(x - 7) + " " + Svg.n(cy) + "Z";
    }
}
