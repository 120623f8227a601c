package dev.faultline.report.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One value of a time series; {@link #minMax} thins long series for drawing without hiding spikes. */
record Point(Instant t, double value) {

    /** At most this many buckets per series: two points each, far more than a chart's width shows. */
    static final int BUCKETS = 400;

    /**
     * Keeps, per time bucket, the lowest and the highest point (in time order), so a one-sample spike
     * or dip survives thinning; series already short enough are returned as they are.
     */
    static List<Point> minMax(List<Point> points, TimeScale scale, int buckets) {
        if (points.size() <= buckets * 2) {
            return points;
        }
        double bucketMs = scale.spanMs() / buckets;
        List<Point> kept = new ArrayList<>(buckets * 2);
        int current = Integer.MIN_VALUE;
        Point low = null;
        Point high = null;
        for (Point p : points) {
            int bucket = (int) Math.floor(java.time.Duration.between(scale.from(), p.t()).toNanos() / 1e6 / bucketMs);
            if (bucket != current) {
                flush(kept, low, high);
                current = bucket;
                low = p;
                high = p;
            } else {
                low = p.value() < low.value() ? p : low;
                high = p.value() > high.value() ? p : high;
            }
        }
        flush(kept, low, high);
        return kept;
    }

    private static void flush(List<Point> kept, Point low, Point high) {
        if (low == null) {
            return;
        }
        if (low == high) {
            kept.add(low);
        } else if (low.t().isBefore(high.t())) {
            kept.add(low);
            kept.add(high);
        } else {
            kept.add(high);
            kept.add(low);
        }
    }
}
