package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.driver.UndoContext;
import dev.faultline.testkit.ToxiproxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proxy faults, undo, evidence and failure handling of the driver against a real Toxiproxy server.
 */
class ToxiproxyDriverIT {

    private static final String PROXY = "inventory";
    private static final int PAYLOAD = 2_000;

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
    }

    @AfterEach
    void cleanUp() throws Exception {
        faults.undoAll(driver);
        state.deleteAllProxies();
        upstream.close();
    }

    private Object call(String function, Map<String, Object> args) throws Exception {
        return TestInvocation.call(TestInvocation.function(driver, function), args,
                Map.of("toxiproxy_url", server.url()), faults);
    }

    @Test
    @SuppressWarnings("unchecked")
    void downRefusesConnectionsAndClosesOpenOnesUntilUndone() throws Exception {
        try (Socket open = new Socket("127.0.0.1", proxyPort)) {
            open.setSoTimeout(3_000);
            Map<String, Object> output = (Map<String, Object>) call("toxiproxy/down", Map.of("proxy", PROXY));

            assertThat((Map<String, Object>) output.get("proxy")).containsEntry("enabled", false);
            assertThat(state.proxy(PROXY)).containsEntry("enabled", false);
            assertThat(Traffic.exchange(proxyPort).failure()).isEqualTo("refused");
            assertThat(readUntilClosed(open)).as("an open connection is closed").isTrue();
        }
        FaultPlan plan = faults.injected().get(0).plan();
        assertThat(plan.kind()).isEqualTo("proxy-down");
        assertThat(plan.target()).isEqualTo("toxiproxy:" + server.url() + "/proxies/" + PROXY);
        assertThat(plan.undo().action()).isEqualTo("enable-proxy");
        assertThat(faults.injected().get(0).evidence().ok()).isTrue();

        faults.undoAll(driver);
        assertThat(state.proxy(PROXY)).containsEntry("enabled", true);
        assertThat(Traffic.exchange(proxyPort).completed(PAYLOAD)).isTrue();
    }

    private static boolean readUntilClosed(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            return !e.getMessage().contains("timed out");
        }
    }

    @Test
    void undoIsIdempotentAndToleratesAProxyThatIsGone() throws Exception {
        call("toxiproxy/latency", Map.of("proxy", PROXY, "latency", 100));
        call("toxiproxy/down", Map.of("proxy", PROXY));
        List<FaultPlan> plans = faults.injected().stream().map(RecordingFaults.Recorded::plan).toList();

        faults.undoAll(driver);
        assertThat(state.toxics(PROXY)).isEmpty();
        assertThat(state.proxy(PROXY)).containsEntry("enabled", true);
        for (FaultPlan plan : plans) {
            driver.undo(plan.undo(), UndoContext.defaults());
        }

        state.deleteAllProxies();
        for (FaultPlan plan : plans) {
            driver.undo(plan.undo(), UndoContext.defaults());
        }
        assertThat(state.proxy(PROXY)).as("undo never recreates a deleted proxy").isNull();
    }

    @Test
    void anExistingToxicIsRefusedWithTheRollbackAdviceAndLeftAlone() throws Exception {
        Map<String, Object> args = Map.of("for_proxy", PROXY, "toxic_name", "slow", "latency", 100);
        assertThat(call("chaostoxi.toxic.actions.create_latency_toxic", args)).isEqualTo(true);

        ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class,
                () -> call("chaostoxi.toxic.actions.create_latency_toxic", args));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("create toxic [slow] on proxy [inventory]", "[" + server.url() + "]",
                "toxic [slow] already exists", "An earlier run may have left it", "`faultline rollback`");
        assertThat(faults.injected()).as("no undo is declared for someone else's toxic").hasSize(1);
        assertThat(state.toxics(PROXY)).hasSize(1);
    }

    @Test
    void aFaultThatDidNotTakeEffectFailsTheActivityAndIsStillUndone() throws Exception {
        // Toxiproxy ignores attributes it does not know, so a misspelt one creates a harmless toxic.
        assertThatThrownBy(() -> call("chaostoxi.toxic.actions.create_toxic", Map.of("for_proxy", PROXY,
                "toxic_name", "typo", "toxic_type", "latency", "attributes", Map.of("latncy", 300))))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("fault not in place")
                .hasMessageContaining("toxic [typo]");

        RecordingFaults.Recorded recorded = faults.injected().get(0);
        assertThat(recorded.evidence().ok()).isFalse();
        assertThat(recorded.evidence().observed()).asString().contains("latency=0");
        faults.undoAll(driver);
        assertThat(state.toxics(PROXY)).isEmpty();
    }

    @Test
    void aHungServerDoesNotHangTheDriverOrItsUndo() throws Exception {
        server.pause();
        try {
            DriverFunctionTimer timer = new DriverFunctionTimer();
            ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class, () -> {
                var latency = TestInvocation.function(driver, "toxiproxy/latency");
                latency.invoke(Call.of(latency, Map.of("proxy", PROXY, "latency", 100),
                        Map.of("toxiproxy_url", server.url()), Duration.ofMillis(500), faults));
            });
            assertThat(timer.millis()).isLessThan(3_000);
            assertThat(e.getMessage()).contains("no answer within [500 ms]");
            assertThat(faults.injected()).as("nothing declared when nothing was sent").isEmpty();

            DriverFunctionTimer undoTimer = new DriverFunctionTimer();
            assertThatThrownBy(() -> driver.undo(Undos.deleteToxic(server.url(), PROXY, "slow"),
                    new UndoContext(Duration.ofMillis(500))))
                    .hasMessageContaining("no answer within [500 ms]");
            assertThat(undoTimer.millis()).isLessThan(3_000);
        } finally {
            server.resume();
        }
        assertThat(state.toxics(PROXY)).isEmpty();
    }

    private static final class DriverFunctionTimer {
        private final long start = System.nanoTime();

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void modifyProxyPointsItElsewhereAndUndoPutsItBack() throws Exception {
        try (TcpUpstream other = new TcpUpstream(777)) {
            Map<String, Object> output = (Map<String, Object>) call("toxiproxy/modify-proxy",
                    Map.of("proxy", PROXY, "upstream", other.address()));

            assertThat((Map<String, Object>) output.get("previous")).containsEntry("upstream", upstream.address());
            assertThat(Traffic.exchange(proxyPort).bytes()).isEqualTo(777);
            faults.undoAll(driver);
            assertThat(state.proxy(PROXY)).containsEntry("upstream", upstream.address());
            assertThat(Traffic.exchange(proxyPort).bytes()).isEqualTo(PAYLOAD);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void resetRemovesEverythingAndIsNotItselfAFault() throws Exception {
        call("toxiproxy/latency", Map.of("proxy", PROXY, "latency", 100));
        call("toxiproxy/down", Map.of("proxy", PROXY));

        Map<String, Object> output = (Map<String, Object>) call("toxiproxy/reset", Map.of());

        assertThat(output).containsEntry("toxics_removed", 1).containsEntry("proxies_enabled", 1);
        assertThat(faults.injected()).hasSize(2);
        assertThat(state.toxics(PROXY)).isEmpty();
        assertThat(state.proxy(PROXY)).containsEntry("enabled", true);
        assertThat(call("chaostoxi.proxy.actions.reset", Map.of())).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createdProxyCarriesTrafficAndIsDeletedByItsUndo() throws Exception {
        Map<String, Object> created = (Map<String, Object>) call("toxiproxy/create-proxy",
                Map.of("proxy", "made", "upstream", upstream.address()));

        String listen = (String) created.get("listen");
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        assertThat(port).isPositive();
        assertThat(Traffic.exchange(port).completed(PAYLOAD)).isTrue();
        assertThatThrownBy(() -> call("toxiproxy/create-proxy", Map.of("proxy", "made", "upstream", upstream.address())))
                .isInstanceOf(ToxiproxyException.class)
                .hasMessageContaining("proxy [made] already exists")
                .hasMessageContaining("`faultline rollback`");
        assertThat(faults.injected()).hasSize(1);

        faults.undoAll(driver);
        assertThat(state.proxy("made")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void probesReadTheServersState() throws Exception {
        call("toxiproxy/latency", Map.of("proxy", PROXY, "latency", 100, "name", "slow"));

        List<Map<String, Object>> toxics = (List<Map<String, Object>>) call("toxiproxy/toxics", Map.of("proxy", PROXY));
        assertThat(toxics).singleElement().satisfies(t -> assertThat(t).containsEntry("name", "slow"));
        Map<String, Object> proxy = (Map<String, Object>) call("toxiproxy/proxy", Map.of("proxy", PROXY));
        assertThat(proxy).containsEntry("upstream", upstream.address()).containsEntry("enabled", true);
        assertThat((List<Object>) call("toxiproxy/proxies", Map.of())).hasSize(1);
        assertThat((String) call("toxiproxy/version", Map.of())).isNotBlank();
        assertThatThrownBy(() -> call("toxiproxy/proxy", Map.of("proxy", "nope")))
                .isInstanceOf(ToxiproxyException.class)
                .hasMessageContaining("read proxy [nope]")
                .hasMessageContaining("HTTP 404 [proxy not found]");
        Map<String, Object> removed = (Map<String, Object>) call("toxiproxy/remove-toxic", Map.of("proxy", PROXY, "name", "slow"));
        assertThat(removed).containsEntry("removed", true);
        assertThat((Map<String, Object>) call("toxiproxy/remove-toxic", Map.of("proxy", PROXY, "name", "slow")))
                .containsEntry("removed", false);
    }

    @Test
    void chaostoolkitProxyFunctionsKeepTheirOutputsAndRollbacksAreQuiet() throws Exception {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("proxy_name", "ctk");
        create.put("upstream_host", "127.0.0.1");
        create.put("upstream_port", upstream.port());
        create.put("listen_host", "127.0.0.1");
        assertThat(call("chaostoxi.proxy.actions.create_proxy", create)).isEqualTo(true);
        assertThat(call("chaostoxi.proxy.probes.proxy_exist", Map.of("proxy_name", "ctk"))).isEqualTo(true);
        assertThat(call("chaostoxi.proxy.probes.get_proxy_attribute", Map.of("proxy_name", "ctk", "attribute", "upstream")))
                .isEqualTo(upstream.address());

        assertThat(call("chaostoxi.proxy.actions.disable_proxy", Map.of("proxy_name", "ctk"))).isEqualTo(true);
        assertThat(call("chaostoxi.proxy.probes.get_proxy_attribute", Map.of("proxy_name", "ctk", "attribute", "enabled")))
                .isEqualTo(false);
        assertThat(call("chaostoxi.proxy.actions.enable_proxy", Map.of("proxy_name", "ctk"))).isEqualTo(true);
        assertThat(state.proxy("ctk")).containsEntry("enabled", true);
        assertThat(call("chaostoxi.proxy.actions.modify_proxy", Map.of("proxy_name", "ctk", "enabled", false)))
                .isEqualTo(true);
        assertThat(state.proxy("ctk")).containsEntry("enabled", false);
        assertThat(call("chaostoxi.proxy.actions.modify_proxy", Map.of("proxy_name", "ctk", "enabled", true)))
                .as("switching a proxy back on is a clean-up, not a fault to undo").isEqualTo(true);
        assertThat(state.proxy("ctk")).containsEntry("enabled", true);
        assertThat(call("chaostoxi.proxy.actions.modify_proxy", Map.of("proxy_name", "ctk"))).isEqualTo(true);
        assertThatThrownBy(() -> call("chaostoxi.proxy.probes.get_proxy_attribute",
                Map.of("proxy_name", "ctk", "attribute", "colour")))
                .hasMessageContaining("proxy [ctk] has no attribute [colour]");

        assertThat(call("chaostoxi.proxy.actions.delete_proxy", Map.of("proxy_name", "ctk"))).isNull();
        assertThat(call("chaostoxi.proxy.probes.proxy_exist", Map.of("proxy_name", "ctk"))).isEqualTo(false);
        assertThat(call("chaostoxi.proxy.probes.get_proxy_attribute", Map.of("proxy_name", "ctk", "attribute", "enabled")))
                .isNull();
        assertThat(call("chaostoxi.proxy.actions.delete_proxy", Map.of("proxy_name", "ctk"))).isNull();
        assertThat(call("chaostoxi.proxy.actions.enable_proxy", Map.of("proxy_name", "ctk"))).isEqualTo(false);
        assertThat(call("chaostoxi.toxic.actions.delete_toxic", Map.of("for_proxy", "ctk", "toxic_name", "x")))
                .isEqualTo(false);

        assertThat(faults.injected()).extracting(r -> r.plan().kind())
                .containsExactly("proxy-create", "proxy-down", "proxy-down");
        faults.undoAll(driver);
        assertThat(state.proxy("ctk")).isNull();
    }
}
