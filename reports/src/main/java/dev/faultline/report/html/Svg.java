package dev.faultline.report.html;

/**
 * Inline SVG pieces for the timeline and the charts. Colours are presentation attributes rather than
 * CSS, so charts keep their meaning where a viewer strips inline styles (some CI artifact viewers do).
 */
final class Svg {

    static final String INK = "#1f2328";
    static final String MUTED = "#656d76";
    static final String GRID = "#d8dee4";
    static final String RED = "#cf222e";
    static final String GREEN = "#1a7f37";
    static final String AMBER = "#d4a72c";
    static final String FAULT_FILL = "#f5d76e";
    static final String PURPLE = "#8250df";
    static final String BLUE = "#0969da";
    static final String ORANGE = "#bc4c00";
    static final String GREY = "#8c959f";

    private Svg() {
    }

    /** A coordinate with at most one decimal: keeps big charts small. */
    static String n(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        // Written by hand: charts have thousands of coordinates and String.format is slow, cold above all.
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    static void open(Html html, String id, double height, String label) {
        html.open("svg", "id", id, "class", "chart", "viewBox", "0 0 " + n(TimeScale.WIDTH) + " " + n(height),
                "role", "img", "aria-label", label, "xmlns", "http://www.w3.org/2000/svg",
                "font-family", "system-ui, sans-serif", "font-size", "12");
        html.element("title", label);
    }

    static void rect(Html html, double x, double y, double w, double h, String fill, String cls, String title) {
        String[] attributes = {"x", n(x), "y", n(y), "width", n(Math.max(w, 0)), "height", n(h), "fill", fill,
            "class", cls};
        if (title == null) {
            html.empty("rect", attributes);
        } else {
            html.open("rect", attributes).element("title", title).close("rect");
        }
    }

    static void line(Html html, double x1, double y1, double x2, double y2, String stroke, String dash, String cls) {
        html.empty("line", "x1", n(x1), "y1", n(y1), "x2", n(x2), "y2", n(y2), "stroke", stroke,
                "stroke-dasharray", dash, "class", cls);
    }

    static void text(Html html, double x, double y, String text, String anchor, String fill, String cls) {
        html.element("text", text, "x", n(x), "y", n(y), "text-anchor", anchor, "fill", fill, "class", cls);
    }

    /** Vertical grid lines and offset labels for the shared time axis, labels above {@code top}. */
    static void timeAxis(Html html, TimeScale scale, double top, double bottom) {
        html.open("g", "class", "axis");
        for (TimeScale.Tick tick : scale.ticks()) {
            line(html, tick.x(), top, tick.x(), bottom, GRID, null, null);
            text(html, tick.x(), top - 4, tick.label(), "middle", MUTED, null);
        }
        html.close("g");
    }
}
