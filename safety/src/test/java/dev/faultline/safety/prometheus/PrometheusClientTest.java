package dev.faultline.safety.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Envelope handling, value parsing and timeouts, against a local HTTP server that answers like
 * Prometheus does in the cases a real server will not produce on demand (hangs, garbage). The real
 * server is exercised in {@code PrometheusClientIT}.
 */
class PrometheusClientTest {

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private final CountDownLatch hang = new CountDownLatch(1);
    private PrometheusClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            if (exchange.getRequestURI().getPath().equals("/hang")) {
                try {
                    hang.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        client = PrometheusClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofMillis(500), Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        hang.countDown();
        server.stop(0);
    }

    @Test
    void readsVectorsWithNaNAndInfinities() throws Exception {
        body.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"job\":\"api\"},\"value\":[1700000000.5,\"NaN\"]},"
                + "{\"metric\":{},\"value\":[1700000000.5,\"+Inf\"]}]}}");
        QueryResult.Vector v = (QueryResult.Vector) client.query("up", Instant.parse("2026-11-27T05:16:08.250Z"));
        assertThat(v.samples()).hasSize(2);
        assertThat(v.samples().get(0).metric()).containsEntry("job", "api");
        assertThat(v.samples().get(0).value()).isNaN();
        assertThat(v.samples().get(0).time()).isEqualTo(Instant.ofEpochSecond(1700000000, 500_000_000));
        assertThat(v.samples().get(1).value()).isInfinite();
        assertThat(lastQuery.get()).isEqualTo("query=up&time=1795756568.25");
        assertThatThrownBy(v::singleValue).hasMessageContaining("expected one series but the query returned [2]");
    }

    @Test
    void readsMatricesAndScalars() throws Exception {
        body.set("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"b\"},"
                + "\"values\":[[1700000000,\"1\"],[1700000001,\"2.5\"]]}]}}");
        QueryResult.Matrix m = (QueryResult.Matrix) client.queryRange("x", Instant.ofEpochSecond(1700000000),
                Instant.ofEpochSecond(1700000001), Duration.ofSeconds(1));
        assertThat(m.series().get(0).points()).extracting(QueryResult.Point::value).containsExactly(1.0, 2.5);
        assertThat(lastQuery.get()).contains("start=1700000000").contains("end=1700000001").contains("step=1.0");

        body.set("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"0.25\"]}}");
        assertThat(client.query("scalar(x)", null).singleValue()).hasValue(0.25);
        body.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        assertThat(client.query("nothing", null).singleValue()).isEmpty();
    }

    @Test
    void anErrorEnvelopeIsARejectedQueryWithPrometheusOwnWords() {
        status.set(400);
        body.set("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected end of input\"}");
        assertThatThrownBy(() -> client.query("sum(", null))
                .isInstanceOf(PrometheusException.class)
                .satisfies(e -> assertThat(((PrometheusException) e).kind()).isEqualTo(PrometheusException.Kind.REJECTED))
                .hasMessageContaining("rejected query [sum(] with HTTP [400]: bad_data: 1:5: parse error: unexpected end of input; fix the query");
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIsABadResponse() {
        body.set("<html>login</html>");
        assertThatThrownBy(() -> client.query("up", null))
                .satisfies(e -> assertThat(((PrometheusException) e).kind()).isEqualTo(PrometheusException.Kind.BAD_RESPONSE))
                .hasMessageContaining("a body that is not an API envelope [<html>login</html>]");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutWithinTheReadTimeout() {
        body.set("{}");
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.get("/hang", java.util.Map.of(), Duration.ofMillis(300)))
                .satisfies(e -> assertThat(((PrometheusException) e).kind()).isEqualTo(PrometheusException.Kind.TIMEOUT))
                .hasMessageContaining("did not answer within [300 ms]");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void nobodyListeningIsUnreachable() {
        PrometheusClient nowhere = PrometheusClient.create(URI.create("http://127.0.0.1:" + FreePorts.next()));
        assertThatThrownBy(() -> nowhere.query("up", null))
                .satisfies(e -> assertThat(((PrometheusException) e).kind()).isEqualTo(PrometheusException.Kind.UNREACHABLE))
                .hasMessageContaining("is unreachable");
        assertThat(nowhere.ready()).isFalse();
    }
}
