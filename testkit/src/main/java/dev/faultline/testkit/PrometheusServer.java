package dev.faultline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server for tests: the {@code prometheus} binary on a free loopback port, with a
 * temporary TSDB and a generated configuration that scrapes the given targets every second (or as
 * configured). {@link #close()} stops the process and deletes its data; a JVM shutdown hook does the
 * same if a test forgets, so no process is left behind.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:8081").start()) {
 *     URI api = prometheus.url();
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path dir;
    private final int port;
    private final Thread reaper;
    private boolean closed;

    private PrometheusServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.reaper = new Thread(() -> process.destroyForcibly(), "prometheus-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A builder for a server scraping {@code targets} ({@code host:port}, metrics at {@code /metrics}). */
    public static Builder scraping(String... targets) {
        return new Builder(List.of(targets));
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return dir.resolve("prometheus.log");
    }

    /**
     * Waits until {@code query} returns a non-empty vector, e.g.
     * {@code count_over_time(up[1m]) >= 3} to wait for three scrapes (a false comparison filters the
     * series out, leaving the vector empty).
     */
    public void awaitQuery(String query, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                URI uri = URI.create(url() + "/api/v1/query?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
                last = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains("\"value\":[") && !last.contains("\"result\":[]")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Prometheus query [" + query + "] returned nothing within " + timeout + "; last answer: " + last);
    }

    /** Stops the server and deletes its data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
        deleteTree(dir);
    }

    /** Configures and starts a {@link PrometheusServer}. */
    public static final class Builder {
        private final List<String> targets;
        private Duration scrapeInterval = Duration.ofSeconds(1);
        private String metricsPath = "/metrics";

        private Builder(List<String> targets) {
            this.targets = List.copyOf(targets);
        }

        /** Where the targets serve metrics, e.g. {@code /actuator/prometheus} for Spring Boot. */
        public Builder metricsPath(String value) {
            this.metricsPath = value;
            return this;
        }

        public Builder scrapeInterval(Duration value) {
            this.scrapeInterval = value;
            return this;
        }

        /**
         * Starts the server and waits for {@code /-/ready}. Skips the test (fails it under CI) when the
         * binary is not installed.
         */
        public PrometheusServer start() throws IOException, InterruptedException {
            Optional<Path> binary = Executables.find("prometheus");
            Required.component(binary.isPresent(), "prometheus on PATH (Debian: apt-get install prometheus)");
            IOException lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path dir = Files.createTempDirectory("faultline-prometheus-");
                int port = FreePorts.next();
                Files.writeString(dir.resolve("prometheus.yml"), config());
                List<String> command = new ArrayList<>(List.of(binary.get().toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--storage.tsdb.retention.time=1h",
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn"));
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
                PrometheusServer server = new PrometheusServer(process, dir, port);
                try {
                    server.awaitReady();
                    return server;
                } catch (IOException e) {
                    lastFailure = e;
                    server.close();
                }
            }
            throw lastFailure;
        }

        private String config() {
            long ms = scrapeInterval.toMillis();
            StringBuilder out = new StringBuilder();
            out.append("global:\n  scrape_interval: ").append(ms).append("ms\n  evaluation_interval: ").append(ms).append("ms\n");
            out.append("scrape_configs:\n  - job_name: faultline-test\n    scrape_interval: ").append(ms).append("ms\n");
            out.append("    scrape_timeout: ").append(ms).append("ms\n    metrics_path: ").append(metricsPath).append("\n    static_configs:\n      - targets: [");
            for (int i = 0; i < targets.size(); i++) {
                out.append(i == 0 ? "" : ", ").append('\'').append(targets.get(i)).append('\'');
            }
            return out.append("]\n").toString();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("prometheus exited with [" + process.exitValue() + "] before it was ready: " + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IOException("prometheus was not ready within " + READY_TIMEOUT + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is not worth failing a test over
        }
    }
}
