package dev.faultline.safety.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");
    private static final long MS = 1_000_000;

    @Test
    void samplesCountOutcomesAndPercentilesPerInterval() {
        LoadRecorder recorder = new LoadRecorder(Duration.ofMinutes(1));
        for (int i = 1; i <= 100; i++) {
            recorder.record(i <= 3 ? Outcome.ERROR_STATUS : Outcome.OK, i * MS, i * MS);
        }
        recorder.record(Outcome.REFUSED, MS, MS);
        recorder.record(Outcome.TIMEOUT, 2000 * MS, 2000 * MS);
        LoadSample first = recorder.closeInterval(T0.plusSeconds(1));
        assertThat(first.requests()).isEqualTo(102);
        assertThat(first.errors()).isEqualTo(5);
        assertThat(first.refused()).isEqualTo(1);
        assertThat(first.timeouts()).isEqualTo(1);
        assertThat(first.errorRatio()).isCloseTo(5 / 102.0, within(1e-12));
        assertThat(first.p50Ms()).isCloseTo(50, within(1.0));
        assertThat(first.maxMs()).isCloseTo(2000, within(20.0));

        LoadSample empty = recorder.closeInterval(T0.plusSeconds(2));
        assertThat(empty.requests()).isZero();
        assertThat(empty.p95Ms()).isNaN();
        assertThat(recorder.samples()).containsExactly(first, empty);
    }

    @Test
    void totalsKeepBothCorrectedAndServiceLatency() {
        LoadRecorder recorder = new LoadRecorder(Duration.ofMinutes(1));
        // the request waited 900 ms for its turn, then the server took 100 ms
        recorder.record(Outcome.OK, 1000 * MS, 100 * MS);
        LoadTotals totals = recorder.totals(0);
        assertThat(totals.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(totals.serviceMaxMs()).isCloseTo(100, within(0.5));
    }

    @Test
    void trailingWindowsIncludeTheOpenIntervalAndOnlyRecentSamples() {
        LoadRecorder recorder = new LoadRecorder(Duration.ofSeconds(10));
        recorder.record(Outcome.OK, 500 * MS, MS);
        recorder.closeInterval(T0.plusSeconds(1));
        recorder.record(Outcome.ERROR_STATUS, 10 * MS, MS);
        recorder.record(Outcome.OK, 10 * MS, MS);
        recorder.closeInterval(T0.plusSeconds(2));
        recorder.record(Outcome.OK, 20 * MS, MS);
        assertThat(recorder.countsSince(T0.plusSeconds(1))).containsExactly(3, 1);
        assertThat(recorder.countsSince(T0)).containsExactly(4, 1);
        assertThat(recorder.percentileSince(100, T0.plusSeconds(1)).getAsDouble()).isCloseTo(20, within(0.5));
        assertThat(recorder.percentileSince(100, T0).getAsDouble()).isCloseTo(500, within(5.0));
        recorder.close();
        recorder.record(Outcome.ERROR_STATUS, MS, MS);
        assertThat(recorder.countsSince(T0)).containsExactly(4, 1);
    }
}
