package dev.faultline.safety.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Aggregates request outcomes into interval samples and run totals. All methods are synchronized:
 * completions arrive on the HTTP client's threads, samples are closed on the probe's sampler thread
 * and guards read from the monitor's thread, at rates where one lock costs nothing.
 */
final class LoadRecorder {

    private static final long MICROS_PER_MS = 1000;

    private record Retained(Instant end, Histogram histogram) {}

    private final Duration retention;
    private final List<LoadSample> samples = new ArrayList<>();
    private final Deque<Retained> retained = new ArrayDeque<>();
    // totals keep 3 significant digits; interval histograms 2, since hundreds of them are retained
    private final Histogram total = new Histogram(3);
    private final Histogram totalService = new Histogram(3);
    private Histogram interval = new Histogram(2);
    private long requests;
    private long errors;
    private long refused;
    private long timeouts;
    private long totalRequests;
    private long totalErrors;
    private long totalRefused;
    private long totalTimeouts;
    private boolean closed;

    LoadRecorder(Duration retention) {
        this.retention = retention;
    }

    synchronized void record(Outcome outcome, long correctedNanos, long serviceNanos) {
        if (closed) {
            return;
        }
        long corrected = Math.max(1, correctedNanos / 1000);
        long service = Math.max(1, serviceNanos / 1000);
        interval.recordValue(corrected);
        total.recordValue(corrected);
        totalService.recordValue(service);
        requests++;
        totalRequests++;
        if (outcome.isError()) {
            errors++;
            totalErrors++;
        }
        if (outcome == Outcome.REFUSED) {
            refused++;
            totalRefused++;
        }
        if (outcome == Outcome.TIMEOUT) {
            timeouts++;
            totalTimeouts++;
        }
    }

    /** Closes the current interval at {@code end} and starts the next one. */
    synchronized LoadSample closeInterval(Instant end) {
        LoadSample sample = new LoadSample(end, requests, errors, refused, timeouts, ms(interval, 50), ms(interval, 95),
                ms(interval, 99), max(interval));
        samples.add(sample);
        retained.addLast(new Retained(end, interval));
        while (!retained.isEmpty() && retained.peekFirst().end().isBefore(end.minus(retention))) {
            retained.removeFirst();
        }
        interval = new Histogram(2);
        requests = 0;
        errors = 0;
        refused = 0;
        timeouts = 0;
        return sample;
    }

    /** Stops accepting outcomes (late completions after stop are abandoned). */
    synchronized void close() {
        closed = true;
    }

    synchronized List<LoadSample> samples() {
        return List.copyOf(samples);
    }

    synchronized LoadTotals totals(long abandoned) {
        return new LoadTotals(totalRequests, totalErrors, totalRefused, totalTimeouts, ms(total, 50), ms(total, 95),
                ms(total, 99), max(total), ms(totalService, 95), ms(totalService, 99), max(totalService), abandoned);
    }

    /** Requests and errors completed in samples ending after {@code since}, plus the open interval. */
    synchronized long[] countsSince(Instant since) {
        long req = requests;
        long err = errors;
        for (int i = samples.size() - 1; i >= 0 && samples.get(i).t().isAfter(since); i--) {
            req += samples.get(i).requests();
            err += samples.get(i).errors();
        }
        return new long[] {req, err};
    }

    /** Percentile over retained intervals ending after {@code since} and the open interval. */
    synchronized OptionalDouble percentileSince(double percentile, Instant since) {
        Histogram merged = interval.copy();
        for (Retained r : retained) {
            if (r.end().isAfter(since)) {
                merged.add(r.histogram());
            }
        }
        if (merged.getTotalCount() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(merged.getValueAtPercentile(percentile) / (double) MICROS_PER_MS);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / (double) MICROS_PER_MS;
    }

    private static double max(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / (double) MICROS_PER_MS;
    }
}
