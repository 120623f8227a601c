package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Drivers;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.TestInvocation;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Argument mapping and planning, without a server. */
class ToxiproxyFunctionsTest {

    private final ToxiproxyDriver driver = new ToxiproxyDriver();

    private ToxicInjection toxic(String function, Map<String, Object> args) {
        return toxic(function, args, Map.of());
    }

    private ToxicInjection toxic(String function, Map<String, Object> args, Map<String, Object> config) {
        FaultFunction fault = (FaultFunction) TestInvocation.function(driver, function);
        return (ToxicInjection) fault.resolver().resolve(Call.of(fault, args, config));
    }

    private void plan(String function, Map<String, Object> args) {
        plan(function, args, Map.of());
    }

    private void plan(String function, Map<String, Object> args, Map<String, Object> config) {
        FaultFunction fault = (FaultFunction) TestInvocation.function(driver, function);
        fault.plan(Call.of(fault, args, config));
    }

    @Test
    void offersEveryChaostoolkitToxiproxyFunctionWithUpstreamArgumentNames() {
        assertParams("chaostoxi.proxy.actions.create_proxy",
                "proxy_name", "upstream_host", "upstream_port", "listen_host=0.0.0.0", "listen_port=0", "enabled=true");
        assertParams("chaostoxi.proxy.actions.modify_proxy",
                "proxy_name", "listen_address=null", "upstream_address=null", "enabled=null");
        assertParams("chaostoxi.proxy.actions.enable_proxy", "proxy_name");
        assertParams("chaostoxi.proxy.actions.disable_proxy", "proxy_name");
        assertParams("chaostoxi.proxy.actions.delete_proxy", "proxy_name");
        assertParams("chaostoxi.proxy.actions.reset");
        assertParams("chaostoxi.proxy.probes.proxy_exist", "proxy_name");
        assertParams("chaostoxi.proxy.probes.get_proxy_attribute", "proxy_name", "attribute");
        assertParams("chaostoxi.toxic.actions.create_toxic", "for_proxy", "toxic_name", "toxic_type",
                "stream=downstream", "toxicity=1.0", "attributes=null");
        assertParams("chaostoxi.toxic.actions.create_latency_toxic", "for_proxy", "toxic_name", "latency", "jitter=0");
        assertParams("chaostoxi.toxic.actions.create_bandwith_degradation_toxic", "for_proxy", "toxic_name", "rate");
        assertParams("chaostoxi.toxic.actions.create_slow_connection_close_toxic", "for_proxy", "toxic_name", "delay");
        assertParams("chaostoxi.toxic.actions.create_timeout_toxic", "for_proxy", "toxic_name", "timeout");
        assertParams("chaostoxi.toxic.actions.create_slicer_toxic", "for_proxy", "toxic_name", "average_size",
                "size_variation", "delay");
        assertParams("chaostoxi.toxic.actions.create_limiter_toxic", "for_proxy", "toxic_name", "bytes_limit");
        assertParams("chaostoxi.toxic.actions.delete_toxic", "for_proxy", "toxic_name");
    }

    private void assertParams(String name, String... expected) {
        FunctionSpec spec = TestInvocation.function(driver, name).spec();
        List<String> actual = spec.params().stream()
                .map(p -> p.required() ? p.name() : p.name() + "=" + p.defaultValue())
                .toList();
        assertThat(actual).as(name).containsExactly(expected);
        assertThat(spec.extraArguments()).isFalse();
    }

    @Test
    void isRegisteredInTheStandardDrivers() {
        assertThat(Drivers.standard().names("chaostoxi.")).hasSize(16);
        assertThat(Drivers.standard().names("toxiproxy/")).contains("toxiproxy/latency", "toxiproxy/down",
                "toxiproxy/reset", "toxiproxy/toxics", "toxiproxy/proxy");
        assertThat(Drivers.standard().function("toxiproxy/latency").orElseThrow().driver().name()).isEqualTo("toxiproxy");
    }

    @Test
    void specialisedChaostoolkitTogglesMapToToxiproxyAttributes() {
        assertThat(toxic("chaostoxi.toxic.actions.create_limiter_toxic",
                Map.of("for_proxy", "db", "toxic_name", "cap", "bytes_limit", 100)).toxic())
                .isEqualTo(new ToxicSpec("cap", "limit_data", "downstream", 1.0, Map.of("bytes", 100L)));
        assertThat(toxic("chaostoxi.toxic.actions.create_bandwith_degradation_toxic",
                Map.of("for_proxy", "db", "toxic_name", "narrow", "rate", "64")).toxic())
                .isEqualTo(new ToxicSpec("narrow", "bandwidth", "downstream", 1.0, Map.of("rate", 64L)));
        assertThat(toxic("chaostoxi.toxic.actions.create_latency_toxic",
                Map.of("for_proxy", "db", "toxic_name", "slow", "latency", 800)).toxic().attributes())
                .isEqualTo(Map.of("latency", 800L, "jitter", 0L));
        assertThat(toxic("chaostoxi.toxic.actions.create_slicer_toxic", Map.of("for_proxy", "db", "toxic_name", "s",
                "average_size", 10, "size_variation", 2, "delay", 50)).toxic().attributes())
                .isEqualTo(Map.of("average_size", 10L, "size_variation", 2L, "delay", 50L));
    }

    @Test
    void genericCreateToxicPassesTypeStreamToxicityAndAttributes() {
        ToxicInjection injection = toxic("chaostoxi.toxic.actions.create_toxic", Map.of("for_proxy", "db",
                "toxic_name", "rst", "toxic_type", "reset_peer", "stream", "upstream", "toxicity", 0.5,
                "attributes", Map.of("timeout", "250")));

        assertThat(injection.proxy()).isEqualTo("db");
        assertThat(injection.toxic()).isEqualTo(new ToxicSpec("rst", "reset_peer", "upstream", 0.5, Map.of("timeout", 250L)));
        assertThat(injection.kind()).isEqualTo("reset-peer");
    }

    @Test
    void nativeToxicGetsAFreshNameUnlessOneIsGiven() {
        ToxicInjection first = toxic("toxiproxy/latency", Map.of("proxy", "db", "latency", 300));
        ToxicInjection second = toxic("toxiproxy/latency", Map.of("proxy", "db", "latency", 300));
        ToxicInjection named = toxic("toxiproxy/latency", Map.of("proxy", "db", "latency", 300, "name", "mine"));

        assertThat(first.toxic().name()).matches("faultline-latency-[0-9a-f]{8}");
        assertThat(second.toxic().name()).isNotEqualTo(first.toxic().name());
        assertThat(named.toxic().name()).isEqualTo("mine");
        assertThat(toxic("toxiproxy/limit-data", Map.of("proxy", "db", "bytes", 1)).toxic().name())
                .startsWith("faultline-limit-data-");
    }

    @Test
    void serverComesFromArgumentThenUrlThenHostAndPortThenDefault() {
        Map<String, Object> args = Map.of("proxy", "db", "latency", 1);
        assertThat(toxic("toxiproxy/latency", Map.of("proxy", "db", "latency", 1, "server", "http://a:1/"),
                Map.of("toxiproxy_url", "http://b:2")).server()).isEqualTo("http://a:1");
        assertThat(toxic("toxiproxy/latency", args, Map.of("toxiproxy_url", "http://b:2//", "toxiproxy_host", "c"))
                .server()).isEqualTo("http://b:2");
        assertThat(toxic("toxiproxy/latency", args, Map.of("toxiproxy_host", "c", "toxiproxy_port", 9000)).server())
                .isEqualTo("http://c:9000");
        assertThat(toxic("chaostoxi.toxic.actions.create_timeout_toxic",
                Map.of("for_proxy", "db", "toxic_name", "t", "timeout", 0), Map.of("toxiproxy_host", "c")).server())
                .isEqualTo("http://c:8474");
        assertThat(toxic("toxiproxy/latency", args).server()).isEqualTo("http://127.0.0.1:8474");
    }

    @Test
    void badArgumentsNameTheFunctionTheArgumentAndTheValue() {
        assertThatThrownBy(() -> plan("toxiproxy/latency", Map.of("proxy", "db", "latency", 1, "toxicity", 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toxiproxy/latency: argument [toxicity] must be between 0.0 and 1.0, but was [1.5]");
        assertThatThrownBy(() -> plan("toxiproxy/latency", Map.of("proxy", "db", "latency", 1, "stream", "sideways")))
                .hasMessage("toxiproxy/latency: argument [stream] must be downstream or upstream, but was [sideways]");
        assertThatThrownBy(() -> plan("toxiproxy/latency", Map.of("proxy", "db", "latency", -5)))
                .hasMessage("toxiproxy/latency: attribute [latency] must not be negative, but was [-5]");
        assertThatThrownBy(() -> plan("toxiproxy/latency", Map.of("proxy", "db")))
                .hasMessage("toxiproxy/latency: argument [latency] is required but was not given");
        assertThatThrownBy(() -> plan("toxiproxy/latency", Map.of("proxy", "db", "latency", 1), Map.of("toxiproxy_url", "localhost:8474")))
                .hasMessageContaining("toxiproxy/latency: Toxiproxy server address [localhost:8474] is not an http(s) URL")
                .hasMessageContaining("configuration [toxiproxy_url]");
    }

    @Test
    void faultActionsPlanTheirTargetWithoutContactingTheServer() throws Exception {
        List<String> faults = List.of("toxiproxy/latency", "toxiproxy/down", "chaostoxi.proxy.actions.disable_proxy",
                "chaostoxi.toxic.actions.create_latency_toxic");
        Map<String, Map<String, Object>> args = Map.of(
                "toxiproxy/latency", Map.of("proxy", "inventory", "latency", 800, "jitter", 50),
                "toxiproxy/down", Map.of("proxy", "inventory"),
                "chaostoxi.proxy.actions.disable_proxy", Map.of("proxy_name", "inventory"),
                "chaostoxi.toxic.actions.create_latency_toxic", Map.of("for_proxy", "inventory", "toxic_name", "x", "latency", 800));
        for (String name : faults) {
            DriverFunction function = TestInvocation.function(driver, name);
            assertThat(function).as(name).isInstanceOf(Plannable.class);
            List<PlannedTarget> planned = ((Plannable) function).plan(Call.of(function, args.get(name),
                    Map.of("toxiproxy_url", "http://127.0.0.1:1")));
            assertThat(planned).singleElement().satisfies(t -> {
                assertThat(t.driver()).isEqualTo("toxiproxy");
                assertThat(t.target()).isEqualTo("toxiproxy:http://127.0.0.1:1/proxies/inventory");
                assertThat(t.reversible()).isTrue();
                assertThat(t.selected()).extracting(PlannedTarget.Resource::name).containsExactly("inventory");
            });
        }
        PlannedTarget latency = ((Plannable) TestInvocation.function(driver, "toxiproxy/latency"))
                .plan(Call.of(TestInvocation.function(driver, "toxiproxy/latency"), args.get("toxiproxy/latency"), Map.of()))
                .get(0);
        assertThat(latency.kind()).isEqualTo("latency");
        assertThat(latency.description()).isEqualTo("800 ms latency (jitter 50 ms) on proxy [inventory] (downstream, toxicity 1.0)");
    }

    @Test
    void modifyingAProxyIsAFaultUnlessItOnlySwitchesItBackOn() throws Exception {
        for (String name : List.of("chaostoxi.proxy.actions.modify_proxy", "toxiproxy/modify-proxy")) {
            Plannable modify = (Plannable) TestInvocation.function(driver, name);
            String proxyArg = name.startsWith("chaostoxi") ? "proxy_name" : "proxy";
            String upstreamArg = name.startsWith("chaostoxi") ? "upstream_address" : "upstream";
            assertThat(modify.plan(Call.of((DriverFunction) modify, Map.of(proxyArg, "db"), Map.of()))).as(name).isEmpty();
            assertThat(modify.plan(Call.of((DriverFunction) modify, Map.of(proxyArg, "db", "enabled", "true"), Map.of())))
                    .as(name).isEmpty();
            assertThat(modify.plan(Call.of((DriverFunction) modify, Map.of(proxyArg, "db", "enabled", false), Map.of())))
                    .as(name).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo("proxy-down"));
            assertThat(modify.plan(Call.of((DriverFunction) modify, Map.of(proxyArg, "db", upstreamArg, "10.0.0.9:1"),
                    Map.of()))).as(name).singleElement().satisfies(t -> {
                        assertThat(t.kind()).isEqualTo("proxy-update");
                        assertThat(t.description()).isEqualTo("proxy [db] changed to {upstream=10.0.0.9:1}");
                    });
        }
    }

    @Test
    void cleanupsAndProbesAreNotFaults() {
        for (String name : List.of("toxiproxy/up", "toxiproxy/remove-toxic", "toxiproxy/delete-proxy", "toxiproxy/reset",
                "chaostoxi.proxy.actions.enable_proxy", "chaostoxi.proxy.actions.delete_proxy",
                "chaostoxi.proxy.actions.reset", "chaostoxi.toxic.actions.delete_toxic", "toxiproxy/proxy")) {
            assertThat(TestInvocation.function(driver, name)).as(name).isNotInstanceOf(Plannable.class);
        }
        assertThat(TestInvocation.function(driver, "chaostoxi.proxy.probes.proxy_exist").spec().kind())
                .isEqualTo(FunctionSpec.Kind.PROBE);
    }

    @Test
    void listenAddressesMatchAsTheServerReportsThem() {
        assertThat(ListenAddress.matches("0.0.0.0:0", "[::]:40943")).isTrue();
        assertThat(ListenAddress.matches("127.0.0.1:0", "127.0.0.1:40943")).isTrue();
        assertThat(ListenAddress.matches("127.0.0.1:5000", "127.0.0.1:5000")).isTrue();
        assertThat(ListenAddress.matches("127.0.0.1:5000", "127.0.0.1:5001")).isFalse();
        assertThat(ListenAddress.matches("10.0.0.1:0", "127.0.0.1:5001")).isFalse();
    }

    @Test
    void unknownUndoIsRefusedWithWhatToUndoByHand() {
        assertThatThrownBy(() -> driver.undo(new UndoSpec("toxiproxy", "teleport",
                Map.of("server", "http://127.0.0.1:1", "proxy", "db")), UndoContext.defaults()))
                .hasMessageContaining("undo [toxiproxy/teleport] is unknown");
    }
}
