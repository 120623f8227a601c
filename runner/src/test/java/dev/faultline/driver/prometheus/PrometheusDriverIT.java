package dev.faultline.driver.prometheus;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Drivers;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.testkit.CounterExporter;
import dev.faultline.testkit.PrometheusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Prometheus probes against the real {@code prometheus} binary scraping a real exporter. */
class PrometheusDriverIT {

    static CounterExporter exporter;
    static PrometheusServer prometheus;
    static Map<String, Object> config;
    final DriverRegistry registry = Drivers.standard();

    @BeforeAll
    static void start() throws Exception {
        exporter = CounterExporter.start(50);
        prometheus = PrometheusServer.scraping(exporter.target()).start();
        prometheus.awaitQuery("count_over_time(up[1m]) >= 3", Duration.ofSeconds(30));
        config = Map.of("prometheus_base_url", prometheus.url().toString());
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    private Object call(String name, Map<String, Object> args, Map<String, Object> configuration) throws Exception {
        DriverFunction function = registry.function(name).orElseThrow().function();
        return TestInvocation.call(function, args, configuration, new RecordingFaults());
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryReturnsTheApiAnswerAsChaosToolkitDoes() throws Exception {
        Map<String, Object> out = (Map<String, Object>) call("chaosprometheus.probes.query", Map.of("query", "up"), config);
        assertThat(out).containsEntry("status", "success");
        Map<String, Object> data = (Map<String, Object>) out.get("data");
        assertThat(data).containsEntry("resultType", "vector");
        List<Map<String, Object>> result = (List<Map<String, Object>>) data.get("result");
        assertThat(result).singleElement().satisfies(series -> {
            assertThat((Map<String, Object>) series.get("metric")).containsEntry("instance", exporter.target());
            List<Object> value = (List<Object>) series.get("value");
            assertThat(value.get(0)).isInstanceOf(Number.class);
            assertThat(value.get(1)).isEqualTo("1");
        });

        Map<String, Object> earlier = (Map<String, Object>) call("prometheus/query",
                Map.of("query", "time()", "when", "10 seconds ago", "timeout", 5), config);
        List<Object> scalar = (List<Object>) ((Map<String, Object>) earlier.get("data")).get("result");
        double evaluatedAt = ((Number) scalar.get(0)).doubleValue();
        assertThat(System.currentTimeMillis() / 1000.0 - evaluatedAt).isBetween(9.0, 20.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryIntervalReturnsAMatrix() throws Exception {
        Map<String, Object> out = (Map<String, Object>) call("chaosprometheus.probes.query_interval",
                Map.of("query", "sum(http_requests_total)", "start", "3 seconds ago", "end", "now", "step", 1), config);
        Map<String, Object> data = (Map<String, Object>) out.get("data");
        assertThat(data).containsEntry("resultType", "matrix");
        List<Map<String, Object>> result = (List<Map<String, Object>>) data.get("result");
        assertThat((List<Object>) result.get(0).get("values")).hasSizeBetween(3, 4);

        Map<String, Object> coarse = (Map<String, Object>) call("prometheus/query-range",
                Map.of("query", "up", "start", "20 seconds ago", "end", "now", "step", "10s"), config);
        List<Map<String, Object>> series = (List<Map<String, Object>>) ((Map<String, Object>) coarse.get("data")).get("result");
        assertThat((List<Object>) series.get(0).get("values")).hasSizeBetween(1, 3);
    }

    @Test
    void failuresAreActivityFailuresWithTheServersWords() {
        assertThatThrownBy(() -> call("chaosprometheus.probes.query", Map.of("query", "sum(up"), config))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("failed with HTTP [400]: bad_data:");
        assertThatThrownBy(() -> call("chaosprometheus.probes.query", Map.of("query", "up", "when", "2 mns ago"), config))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageStartingWith("failed to parse '2 mns ago'");
        assertThatThrownBy(() -> call("chaosprometheus.probes.query_interval",
                Map.of("query", "up", "start", "now", "end", "1 minute ago"), config))
                .hasMessageContaining("is before start");
        assertThatThrownBy(() -> call("chaosprometheus.probes.query", Map.of("query", "up"),
                Map.of("prometheus_base_url", "http://127.0.0.1:" + dev.faultline.testkit.FreePorts.next())))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("is unreachable");
    }

    @Test
    void theTimeoutArgumentIsARealClientTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // accept and never answer
                    }
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();
            assertThatThrownBy(() -> call("chaosprometheus.probes.query", Map.of("query", "up", "timeout", 0.5),
                    Map.of("prometheus_base_url", "http://127.0.0.1:" + silent.getLocalPort())))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("did not answer within [500 ms]");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void theDriverIsRegisteredAndHasNothingToUndo() {
        assertThat(registry.names("prometheus/")).containsExactly("prometheus/query", "prometheus/query-range");
        assertThat(registry.names("chaosprometheus.")).containsExactly("chaosprometheus.probes.query", "chaosprometheus.probes.query_interval");
        assertThat(registry.driver("prometheus")).isPresent();
    }
}
