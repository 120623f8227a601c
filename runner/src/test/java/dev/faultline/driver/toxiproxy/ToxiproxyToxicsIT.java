package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.testkit.ToxiproxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every toxic, injected through the driver into a real Toxiproxy server, observably changes TCP
 * traffic through the proxy, and the undo restores normal traffic and leaves no toxic behind.
 */
class ToxiproxyToxicsIT {

    private static final String PROXY = "svc";
    private static final int PAYLOAD = 2_000;
    private static final long FAST_MS = 300;

    private static ToxiproxyServer server;
    private static ServerState state;

    private final ToxiproxyDriver driver = new ToxiproxyDriver();
    private final RecordingFaults faults = new RecordingFaults();
    private TcpUpstream upstream;
    private int proxyPort;

    @BeforeAll
    static void startServer() {
        server = ToxiproxyServer.start();
        state = new ServerState(server.url());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createProxy() throws Exception {
        upstream = new TcpUpstream(PAYLOAD);
        proxyPort = state.createProxy(PROXY, upstream.address());
        Traffic baseline = Traffic.exchange(proxyPort);
        assertThat(baseline.completed(PAYLOAD)).as("baseline %s", baseline).isTrue();
        assertThat(baseline.millis()).as("baseline %s", baseline).isLessThan(FAST_MS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        faults.undoAll(driver);
        state.deleteAllProxies();
        upstream.close();
    }

    private Map<String, Object> inject(String function, Map<String, Object> args) throws Exception {
        return inject(PROXY, function, args);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inject(String proxy, String function, Map<String, Object> args) throws Exception {
        Map<String, Object> withProxy = new LinkedHashMap<>(args);
        withProxy.put("proxy", proxy);
        return (Map<String, Object>) TestInvocation.call(TestInvocation.function(driver, function), withProxy,
                Map.of("toxiproxy_url", server.url()), faults);
    }

    private void undoAndExpectCleanTraffic() throws Exception {
        faults.undoAll(driver);
        assertThat(state.toxics(PROXY)).as("toxics left on the server after undo").isEmpty();
        Traffic after = Traffic.exchange(proxyPort);
        assertThat(after.completed(PAYLOAD)).as("after undo %s", after).isTrue();
        assertThat(after.millis()).as("after undo %s", after).isLessThan(FAST_MS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void latencyDelaysEveryResponseUntilUndone() throws Exception {
        Map<String, Object> output = inject("toxiproxy/latency", Map.of("latency", 600));

        Map<String, Object> toxic = (Map<String, Object>) output.get("toxic");
        assertThat(toxic.get("type")).isEqualTo("latency");
        assertThat((Map<String, Object>) toxic.get("attributes")).containsEntry("latency", 600);
        assertThat(state.toxics(PROXY)).singleElement().satisfies(t -> assertThat(t.get("name")).isEqualTo(toxic.get("name")));
        Traffic slow = Traffic.exchange(proxyPort);
        assertThat(slow.completed(PAYLOAD)).as("%s", slow).isTrue();
        assertThat(slow.millis()).as("%s", slow).isGreaterThanOrEqualTo(600);

        undoAndExpectCleanTraffic();
    }

    @Test
    void upstreamLatencyDelaysRequests() throws Exception {
        inject("toxiproxy/latency", Map.of("latency", 500, "stream", "upstream"));

        assertThat(state.toxics(PROXY)).singleElement().satisfies(t -> assertThat(t.get("stream")).isEqualTo("upstream"));
        assertThat(Traffic.exchange(proxyPort).millis()).isGreaterThanOrEqualTo(500);
        undoAndExpectCleanTraffic();
    }

    @Test
    void timeoutStopsDataAndClosesTheConnectionAfterTheTimeout() throws Exception {
        try (TcpUpstream lingering = new TcpUpstream(PAYLOAD, true)) {
            int port = state.createProxy("held", lingering.address());
            assertThat(Traffic.exchange(port, Duration.ofSeconds(5), PAYLOAD).completed(PAYLOAD)).isTrue();
            inject("held", "toxiproxy/timeout", Map.of("timeout", 400));

            Traffic cut = Traffic.exchange(port);
            assertThat(cut.bytes()).as("%s", cut).isZero();
            assertThat(cut.failure()).as("%s", cut).isNull();
            assertThat(cut.millis()).as("%s", cut).isBetween(400L, 4_000L);

            faults.undoAll(driver);
            assertThat(state.toxics("held")).isEmpty();
            assertThat(Traffic.exchange(port, Duration.ofSeconds(5), PAYLOAD).completed(PAYLOAD)).isTrue();
        }
    }

    @Test
    void timeoutZeroHoldsConnectionsUntilTheToxicIsRemoved() throws Exception {
        try (TcpUpstream lingering = new TcpUpstream(PAYLOAD, true)) {
            int port = state.createProxy("held", lingering.address());
            inject("held", "toxiproxy/timeout", Map.of("timeout", 0));

            Traffic held = Traffic.exchange(port, Duration.ofMillis(700));
            assertThat(held.failure()).as("%s", held).isEqualTo("read timed out");
            assertThat(held.bytes()).isZero();

            int answeredBefore = lingering.answered();
            try (Socket open = new Socket("127.0.0.1", port)) {
                open.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                lingering.awaitAnswered(answeredBefore + 1, 5_000);
                open.setSoTimeout(300);
                assertThatThrownBy(() -> open.getInputStream().read()).as("the answer is held by the toxic")
                        .isInstanceOf(SocketTimeoutException.class);
                open.setSoTimeout(3_000);
                faults.undoAll(driver);
                assertThat(state.toxics("held")).isEmpty();
                InputStream in = open.getInputStream();
                assertThat(in.read()).as("a held connection is closed when the toxic goes").isEqualTo(-1);
            }
            assertThat(Traffic.exchange(port, Duration.ofSeconds(5), PAYLOAD).completed(PAYLOAD)).isTrue();
        }
    }

    @Test
    void resetPeerResetsConnections() throws Exception {
        inject("toxiproxy/reset-peer", Map.of());

        for (int i = 0; i < 3; i++) {
            Traffic reset = Traffic.exchange(proxyPort);
            assertThat(reset.bytes()).as("%s", reset).isZero();
            assertThat(reset.failure()).as("%s", reset).contains("reset");
        }
        undoAndExpectCleanTraffic();
    }

    @Test
    void limitDataClosesConnectionsAfterTheLimit() throws Exception {
        inject("toxiproxy/limit-data", Map.of("bytes", 100));

        Traffic limited = Traffic.exchange(proxyPort);
        assertThat(limited.bytes()).as("%s", limited).isEqualTo(100);
        undoAndExpectCleanTraffic();
    }

    @Test
    void bandwidthSlowsTransfers() throws Exception {
        inject("toxiproxy/bandwidth", Map.of("rate", 4));

        Traffic narrow = Traffic.exchange(proxyPort);
        assertThat(narrow.completed(PAYLOAD)).as("%s", narrow).isTrue();
        assertThat(narrow.millis()).as("2000 bytes at 4 KB/s: %s", narrow).isGreaterThanOrEqualTo(400);
        undoAndExpectCleanTraffic();
    }

    @Test
    void slicerSplitsDataIntoSmallDelayedPackets() throws Exception {
        inject("toxiproxy/slicer", Map.of("average_size", 50, "delay", 10_000));

        Traffic sliced = Traffic.exchange(proxyPort);
        assertThat(sliced.completed(PAYLOAD)).as("%s", sliced).isTrue();
        assertThat(sliced.reads()).as("%s", sliced).isGreaterThanOrEqualTo(10);
        assertThat(sliced.millis()).as("40 slices 10 ms apart: %s", sliced).isGreaterThanOrEqualTo(250);
        undoAndExpectCleanTraffic();
    }

    @Test
    void slowCloseKeepsConnectionsOpenAfterTheData() throws Exception {
        inject("toxiproxy/slow-close", Map.of("delay", 600));

        Traffic lingering = Traffic.exchange(proxyPort);
        assertThat(lingering.completed(PAYLOAD)).as("%s", lingering).isTrue();
        assertThat(lingering.millis()).as("%s", lingering).isGreaterThanOrEqualTo(600);
        undoAndExpectCleanTraffic();
    }

    @Test
    void toxicityIsDecidedPerConnection() throws Exception {
        inject("toxiproxy/latency", Map.of("latency", 500, "toxicity", 0));
        assertThat(state.toxics(PROXY)).singleElement().satisfies(t -> assertThat(t.get("toxicity")).isEqualTo(0));
        for (int i = 0; i < 5; i++) {
            assertThat(Traffic.exchange(proxyPort).millis()).as("toxicity 0 spares every connection").isLessThan(FAST_MS);
        }
        faults.undoAll(driver);

        inject("toxiproxy/latency", Map.of("latency", 500, "toxicity", 1.0));
        for (int i = 0; i < 3; i++) {
            assertThat(Traffic.exchange(proxyPort).millis()).as("toxicity 1 hits every connection").isGreaterThanOrEqualTo(500);
        }
        faults.undoAll(driver);

        inject("toxiproxy/latency", Map.of("latency", 400, "toxicity", 0.5));
        List<Long> times = IntStream.range(0, 16).mapToObj(i -> Traffic.exchange(proxyPort).millis()).toList();
        assertThat(times).as("toxicity 0.5 over 16 fresh connections: %s", times)
                .anySatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(400))
                .anySatisfy(ms -> assertThat(ms).isLessThan(FAST_MS));
        undoAndExpectCleanTraffic();
    }

    @Test
    void chaostoolkitLatencyToxicIsTheSameFault() throws Exception {
        Object output = TestInvocation.call(TestInvocation.function(driver, "chaostoxi.toxic.actions.create_latency_toxic"),
                Map.of("for_proxy", PROXY, "toxic_name", "slow", "latency", 500),
                Map.of("toxiproxy_host", "127.0.0.1", "toxiproxy_port", server.port()), faults);

        assertThat(output).isEqualTo(true);
        assertThat(Traffic.exchange(proxyPort).millis()).isGreaterThanOrEqualTo(500);
        Object deleted = TestInvocation.call(TestInvocation.function(driver, "chaostoxi.toxic.actions.delete_toxic"),
                Map.of("for_proxy", PROXY, "toxic_name", "slow"), Map.of("toxiproxy_url", server.url()), faults);
        assertThat(deleted).isEqualTo(true);
        undoAndExpectCleanTraffic();
    }
}
