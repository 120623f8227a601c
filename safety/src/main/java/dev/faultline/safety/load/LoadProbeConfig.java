package dev.faultline.safety.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the steady-state load probe sends requests.
 *
 * @param url the endpoint, e.g. {@code http://127.0.0.1:8080/api/products}
 * @param rate requests per second, sent at a constant pace whatever the answers do
 * @param timeout how long one request may take, from connecting to the response headers
 * @param method HTTP method, {@code GET} by default
 * @param headers extra request headers
 * @param errorStatusFrom statuses at or above this are errors (500: 5xx only; 400: 4xx and 5xx)
 * @param maxInFlight cap on concurrent requests; when reached, sends wait and the wait shows up in
 *     the latency (measured from the intended send time)
 * @param sampleInterval length of one reported sample
 * @param histogramRetention how far back latency percentiles can be asked for
 * @param threads worker threads of the HTTP client
 */
public record LoadProbeConfig(URI url, double rate, Duration timeout, String method, Map<String, String> headers,
                              int errorStatusFrom, int maxInFlight, Duration sampleInterval,
                              Duration histogramRetention, int threads) {

    public static final double DEFAULT_RATE = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HISTOGRAM_RETENTION = Duration.ofMinutes(5);
    public static final int DEFAULT_THREADS = 2;
    /** Upper bound on the rate, so a typo cannot turn the probe into a load test. */
    public static final double MAX_RATE = 1000;

    public LoadProbeConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        Objects.requireNonNull(histogramRetention, "histogramRetention");
        method = method == null ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("load probe URL [" + url + "] must start with http:// or https://");
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("load probe rate must be above 0 and at most " + (int) MAX_RATE + " per second, but was [" + rate + "]");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("load probe timeout must be positive, but was [" + timeout + "]");
        }
        if (sampleInterval.toMillis() < 10) {
            throw new IllegalArgumentException("load probe sample interval must be at least 10ms, but was [" + sampleInterval + "]");
        }
        if (errorStatusFrom < 100 || errorStatusFrom > 600) {
            throw new IllegalArgumentException("error status threshold must be an HTTP status, but was [" + errorStatusFrom + "]");
        }
        if (maxInFlight < 1 || threads < 1) {
            throw new IllegalArgumentException("maxInFlight and threads must be at least 1, but were [" + maxInFlight + "] and [" + threads + "]");
        }
    }

    /** Defaults for everything but the URL and rate. */
    public static LoadProbeConfig of(URI url, double rate) {
        return new LoadProbeConfig(url, rate, DEFAULT_TIMEOUT, "GET", Map.of(), 500, DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_SAMPLE_INTERVAL, DEFAULT_HISTOGRAM_RETENTION, DEFAULT_THREADS);
    }

    public LoadProbeConfig withTimeout(Duration value) {
        return new LoadProbeConfig(url, rate, value, method, headers, errorStatusFrom, maxInFlight, sampleInterval, histogramRetention, threads);
    }

    public LoadProbeConfig withMaxInFlight(int value) {
        return new LoadProbeConfig(url, rate, timeout, method, headers, errorStatusFrom, value, sampleInterval, histogramRetention, threads);
    }

    public LoadProbeConfig withSampleInterval(Duration value) {
        return new LoadProbeConfig(url, rate, timeout, method, headers, errorStatusFrom, maxInFlight, value, histogramRetention, threads);
    }

    public LoadProbeConfig withErrorStatusFrom(int value) {
        return new LoadProbeConfig(url, rate, timeout, method, headers, value, maxInFlight, sampleInterval, histogramRetention, threads);
    }

    public LoadProbeConfig withRequest(String newMethod, Map<String, String> newHeaders) {
        return new LoadProbeConfig(url, rate, timeout, newMethod, newHeaders, errorStatusFrom, maxInFlight, sampleInterval, histogramRetention, threads);
    }

    /** Time between two intended sends. */
    public long intervalNanos() {
        return Math.round(1e9 / rate);
    }
}
