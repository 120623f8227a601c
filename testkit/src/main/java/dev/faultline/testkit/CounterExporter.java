package dev.faultline.testkit;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A stand-in service for SLO tests: it exposes {@code http_requests_total{status="200"|"500"}} in the
 * Prometheus text format at {@code /metrics}, as if it served {@code requestsPerSecond} requests of
 * which the fraction set by {@link #errorRatio(double)} failed. Counters grow with wall-clock time,
 * computed when read, so Prometheus sees a steady rate without a background thread.
 */
public final class CounterExporter implements AutoCloseable {

    private final HttpServer server;
    private final double requestsPerSecond;
    private double ok;
    private double errors;
    private double errorRatio;
    private long lastNanos = System.nanoTime();

    private CounterExporter(double requestsPerSecond) throws IOException {
        this.requestsPerSecond = requestsPerSecond;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static CounterExporter start(double requestsPerSecond) throws IOException {
        return new CounterExporter(requestsPerSecond);
    }

    /** From now on, this fraction of the requests fail (status 500). */
    public synchronized void errorRatio(double ratio) {
        advance();
        this.errorRatio = ratio;
    }

    /** {@code host:port} for a Prometheus scrape configuration. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized double errorCount() {
        advance();
        return errors;
    }

    private synchronized String render() {
        advance();
        return "# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n"
                + String.format(Locale.ROOT, "http_requests_total{status=\"200\"} %.3f%n", ok)
                + String.format(Locale.ROOT, "http_requests_total{status=\"500\"} %.3f%n", errors);
    }

    private void advance() {
        long now = System.nanoTime();
        double served = (now - lastNanos) / 1e9 * requestsPerSecond;
        lastNanos = now;
        errors += served * errorRatio;
        ok += served * (1 - errorRatio);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
