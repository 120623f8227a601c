package dev.faultline.safety.prometheus;

import dev.faultline.testkit.CounterExporter;
import dev.faultline.testkit.PrometheusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Prometheus client against the real {@code prometheus} binary scraping a real exporter. */
class PrometheusClientIT {

    static CounterExporter exporter;
    static PrometheusServer prometheus;
    static PrometheusClient client;

    @BeforeAll
    static void start() throws Exception {
        exporter = CounterExporter.start(100);
        prometheus = PrometheusServer.scraping(exporter.target()).start();
        client = PrometheusClient.create(prometheus.url());
        // rate() divides by the whole range, so a series younger than the range reads low: wait for 8 scrapes
        prometheus.awaitQuery("count_over_time(http_requests_total{status=\"200\"}[1m]) >= 8", Duration.ofSeconds(30));
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

    @Test
    void readsTheExportersRateFromARealServer() throws Exception {
        assertThat(client.ready()).isTrue();
        double rate = client.query("sum(rate(http_requests_total[5s]))", Instant.now()).singleValue().orElseThrow();
        assertThat(rate).isCloseTo(100, within(10.0));
        QueryResult.Vector up = (QueryResult.Vector) client.query("up", null);
        assertThat(up.samples()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(1.0);
            assertThat(s.metric()).containsEntry("job", "faultline-test").containsEntry("instance", exporter.target());
        });
    }

    @Test
    void readsRangeQueries() throws Exception {
        Instant end = Instant.now();
        QueryResult.Matrix m = (QueryResult.Matrix) client.queryRange("sum(http_requests_total)", end.minusSeconds(3), end,
                Duration.ofSeconds(1));
        assertThat(m.series()).hasSize(1);
        assertThat(m.series().get(0).points()).hasSizeBetween(3, 4);
        assertThat(m.series().get(0).points()).isSortedAccordingTo(java.util.Comparator.comparing(QueryResult.Point::time));
    }

    @Test
    void nanAndEmptyResultsAndRejectedQueries() throws Exception {
        assertThat(client.query("vector(0) / vector(0)", null).singleValue().orElseThrow()).isNaN();
        assertThat(client.query("http_requests_total{status=\"418\"}", null).singleValue()).isEmpty();
        assertThatThrownBy(() -> client.query("sum(rate(http_requests_total[5m])", null))
                .isInstanceOf(PrometheusException.class)
                .satisfies(e -> {
                    PrometheusException p = (PrometheusException) e;
                    assertThat(p.kind()).isEqualTo(PrometheusException.Kind.REJECTED);
                    assertThat(p.status()).isEqualTo(400);
                })
                .hasMessageContaining("bad_data");
    }
}
