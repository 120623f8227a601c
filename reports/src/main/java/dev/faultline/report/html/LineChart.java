package dev.faultline.report.html;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A time-series chart on the shared time axis: lines (thinned), dashed threshold lines, and the
 * fault windows and abort shaded behind, so a reader sees which fault moved which line.
 */
record LineChart(String id, String label, DoubleFunction<String> yLabel) {

    static final double TOP = 22;
    static final double BOTTOM = 182;
    static final double HEIGHT = 192;

    /** One line: its legend name, colour, dash pattern ({@code null} for solid) and points. */
    record Series(String name, String color, String dash, List<Point> points) {
    }

    /** A horizontal line a series should stay below (an SLO or a guard threshold). */
    record Threshold(String label, double value, String color) {
    }

    void draw(Page page, Html html, List<Series> series, List<Threshold> thresholds) {
        TimeScale scale = page.scale();
        double max = 4 * niceStep(Math.max(series.stream().flatMap(s -> s.points().stream())
                .mapToDouble(Point::value).max().orElse(0), thresholds.stream().mapToDouble(Threshold::value).max()
                .orElse(0)) * 1.05 / 4);
        Svg.open(html, id, HEIGHT, label);
        Svg.timeAxis(html, scale, TOP, BOTTOM);
        backdrop(page, html);
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = y(value, max);
            Svg.line(html, TimeScale.X0, y, TimeScale.X1, y, Svg.GRID, null, null);
            Svg.text(html, TimeScale.X0 - 6, y + 4, yLabel.apply(value), "end", Svg.MUTED, null);
        }
        for (Threshold threshold : thresholds) {
            double y = y(threshold.value(), max);
            Svg.line(html, TimeScale.X0, y, TimeScale.X1, y, threshold.color(), "6 4", "threshold");
            Svg.text(html, TimeScale.X1 - 2, y - 4, page.redactor().scrub(threshold.label()), "end",
                    threshold.color(), "threshold-label");
        }
        double legendY = TOP + 14;
        for (Series s : series) {
            if (!s.points().isEmpty()) {
                html.empty("path", "d", path(scale, Point.minMax(s.points(), scale, Point.BUCKETS), max), "fill",
                        "none", "stroke", s.color(), "stroke-width", "1.6", "stroke-dasharray", s.dash(), "stroke-linejoin",
                    "round", "class", "series");
            }
            Svg.line(html, 8, legendY - 4, 30, legendY - 4, s.color(), s.dash(), null);
            Svg.text(html, 36, legendY, page.redactor().scrub(s.name()), "start", Svg.INK, "legend-item");
            legendY += 17;
        }
        Svg.line(html, TimeScale.X0, BOTTOM, TimeScale.X1, BOTTOM, Svg.MUTED, null, null);
        html.close("svg");
    }

    /** Fault windows and the abort behind the lines. */
    private void backdrop(Page page, Html html) {
        TimeScale scale = page.scale();
        for (FaultWindows.Window window : FaultWindows.of(page)) {
            html.open("rect", "x", Svg.n(window.x1()), "y", Svg.n(TOP), "width", Svg.n(window.x2() - window.x1()),
                    "height", Svg.n(BOTTOM - TOP), "fill", Svg.FAULT_FILL, "fill-opacity", "0.2", "class",
                    "fault-shade").element("title", page.redactor().scrub(window.describe())).close("rect");
        }
        for (double x : FaultWindows.irreversibleMarks(page)) {
            Svg.line(html, x, TOP, x, BOTTOM, Svg.PURPLE, "2 3", "fault-mark");
        }
        page.journal().abort().ifPresent(abort -> {
            if (abort.stopAt() != null) {
                double x = scale.x(abort.stopAt());
                html.empty("line", "x1", Svg.n(x), "y1", Svg.n(TOP), "x2", Svg.n(x), "y2", Svg.n(BOTTOM), "stroke",
                        Svg.RED, "stroke-width", "2", "class", "abort-line");
            }
        });
    }

    private static String path(TimeScale scale, List<Point> points, double max) {
        StringBuilder d = new StringBuilder(points.size() * 12);
        for (Point p : points) {
            d.append(d.length() == 0 ? 'M' : 'L').append(Svg.n(scale.x(p.t()))).append(' ')
                    .append(Svg.n(y(p.value(), max)));
        }
        return d.toString();
    }

    private static double y(double value, double max) {
        return BOTTOM - (BOTTOM - TOP) * Math.max(0, Math.min(value, max)) / max;
    }

    /** The smallest of 1, 2, 5 times a power of ten at or above {@code value}: a tick step that reads well. */
    static double niceStep(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return 0.25;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
