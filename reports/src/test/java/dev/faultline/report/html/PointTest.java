package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    @Test
    void thinsALongSeriesToTwoPointsPerBucketKeepingSpikesAndDips() {
        List<Point> points = new ArrayList<>();
        for (int s = 0; s < 3600; s++) {
            double value = s == 1234 ? 9000 : s == 2345 ? -50 : 100 + (s % 7);
            points.add(new Point(T0.plusSeconds(s), value));
        }
        TimeScale scale = new TimeScale(T0, T0.plusSeconds(3600));

        List<Point> kept = Point.minMax(points, scale, 400);

        assertThat(kept).hasSizeLessThanOrEqualTo(800);
        assertThat(kept).extracting(Point::value).contains(9000.0, -50.0);
        assertThat(kept).isSortedAccordingTo((a, b) -> a.t().compareTo(b.t()));
    }

    @Test
    void keepsShortSeriesAsTheyAre() {
        List<Point> points = List.of(new Point(T0, 1), new Point(T0.plusSeconds(1), 2));

        assertThat(Point.minMax(points, new TimeScale(T0, T0.plusSeconds(1)), 400)).isSameAs(points);
    }
}
