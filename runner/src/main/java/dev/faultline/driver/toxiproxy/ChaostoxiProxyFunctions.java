package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy actions and probes of chaostoolkit-toxiproxy 0.3 ({@code chaostoxi.proxy.actions},
 * {@code chaostoxi.proxy.probes}), with its argument names, defaults and outputs: actions return
 * {@code true}, {@code delete_proxy} returns {@code null}, {@code proxy_exist} a boolean and
 * {@code get_proxy_attribute} the attribute's value ({@code null} for a missing proxy).
 */
final class ChaostoxiProxyFunctions {

    static final String ACTIONS = "chaostoxi.proxy.actions.";
    static final String PROBES = "chaostoxi.proxy.probes.";

    private ChaostoxiProxyFunctions() {
    }

    static List<DriverFunction> all() {
        return List.of(
                new FaultFunction(FunctionSpec.action(ACTIONS + "create_proxy")
                        .required("proxy_name", Type.STRING)
                        .required("upstream_host", Type.STRING)
                        .required("upstream_port", Type.ANY)
                        .optional("listen_host", Type.STRING, "0.0.0.0")
                        .optional("listen_port", Type.INTEGER, 0)
                        .optional("enabled", Type.BOOLEAN, true)
                        .summary("Creates a proxy; upstream_host/upstream_port may be env:NAME.").build(),
                        call -> {
                            Arguments a = call.arguments();
                            String upstream = fromEnvironment(a, "upstream_host") + ":" + fromEnvironment(a, "upstream_port");
                            String listen = a.optionalString("listen_host").orElse("0.0.0.0") + ":"
                                    + a.optionalInteger("listen_port").orElse(0L);
                            return new ProxyCreation(ServerAddress.of(call), a.string("proxy_name"), listen, upstream,
                                    a.optionalBool("enabled").orElse(true));
                        }, FaultFunction.Output.succeeded()),
                modifyProxy(),
                new FaultFunction(FunctionSpec.action(ACTIONS + "disable_proxy").required("proxy_name", Type.STRING)
                        .summary("Disables a proxy (the service looks down); undone by enabling it.").build(),
                        call -> new ProxyDown(ServerAddress.of(call), call.arguments().string("proxy_name")),
                        FaultFunction.Output.succeeded()),
                new PlainFunction(FunctionSpec.action(ACTIONS + "enable_proxy").required("proxy_name", Type.STRING)
                        .summary("Enables a proxy; false (not an error) when it does not exist.").build(),
                        (call, client) -> ProxyCleanup.enable(client, call.arguments().string("proxy_name")).isPresent()),
                new PlainFunction(FunctionSpec.action(ACTIONS + "delete_proxy").required("proxy_name", Type.STRING)
                        .summary("Deletes a proxy; quiet when it is already gone.").build(),
                        (call, client) -> {
                            client.deleteProxy(call.arguments().string("proxy_name"));
                            return null;
                        }),
                new PlainFunction(FunctionSpec.action(ACTIONS + "reset")
                        .summary("Enables every proxy and removes every toxic.").build(),
                        (call, client) -> {
                            client.reset();
                            return true;
                        }),
                new PlainFunction(FunctionSpec.probe(PROBES + "proxy_exist").required("proxy_name", Type.STRING)
                        .summary("Whether the proxy exists.").build(),
                        (call, client) -> client.proxy(call.arguments().string("proxy_name")).isPresent()),
                new PlainFunction(FunctionSpec.probe(PROBES + "get_proxy_attribute")
                        .required("proxy_name", Type.STRING)
                        .required("attribute", Type.STRING)
                        .summary("One attribute of a proxy (name, listen, upstream, enabled, toxics).").build(),
                        (call, client) -> attribute(client.proxy(call.arguments().string("proxy_name")),
                                call.arguments().string("attribute"))));
    }

    private static DriverFunction modifyProxy() {
        FunctionSpec spec = FunctionSpec.action(ACTIONS + "modify_proxy")
                .required("proxy_name", Type.STRING)
                .optional("listen_address", Type.STRING, null)
                .optional("upstream_address", Type.STRING, null)
                .optional("enabled", Type.BOOLEAN, null)
                .summary("Changes the given proxy fields; undone by restoring them (enabled=true alone is a clean-up).")
                .build();
        FaultFunction fault = new FaultFunction(spec, call -> new ProxyUpdate(ServerAddress.of(call),
                call.arguments().string("proxy_name"), changes(call.arguments())), FaultFunction.Output.succeeded());
        return new ModifyProxyFunction(spec, "proxy_name", call -> changes(call.arguments()), fault, Optional::isPresent);
    }

    private static Map<String, Object> changes(Arguments args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.optionalString("listen_address").ifPresent(v -> out.put("listen", v));
        args.optionalString("upstream_address").ifPresent(v -> out.put("upstream", v));
        args.optionalBool("enabled").ifPresent(v -> out.put("enabled", v));
        return out;
    }

    private static Object attribute(Optional<Proxy> proxy, String attribute) throws ActivityFailedException {
        if (proxy.isEmpty()) {
            return null;
        }
        Map<String, Object> values = proxy.get().toMap();
        if (!values.containsKey(attribute)) {
            throw new ActivityFailedException("proxy [" + proxy.get().name() + "] has no attribute [" + attribute
                    + "]: use one of " + values.keySet());
        }
        return values.get(attribute);
    }

    /** chaostoolkit-toxiproxy reads {@code env:NAME} values from the environment. */
    private static String fromEnvironment(Arguments args, String name) {
        String value = args.string(name);
        if (!value.startsWith("env:")) {
            return value;
        }
        String variable = value.substring(4);
        String resolved = System.getenv(variable);
        if (resolved == null) {
            throw new IllegalArgumentException("argument [" + name + "] reads environment variable [" + variable
                    + "], which is not set");
        }
        return resolved;
    }
}
