package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faultline's own proxy actions and probes: {@code toxiproxy/down}, {@code toxiproxy/modify-proxy}
 * and {@code toxiproxy/create-proxy} are undoable faults; {@code toxiproxy/up},
 * {@code toxiproxy/remove-toxic}, {@code toxiproxy/delete-proxy} and {@code toxiproxy/reset} clean
 * up (and succeed when there is nothing left to clean); the probes read the server's state.
 */
final class NativeProxyFunctions {

    private NativeProxyFunctions() {
    }

    static List<DriverFunction> all() {
        return List.of(
                new FaultFunction(withServer(FunctionSpec.action("toxiproxy/down").required("proxy", Type.STRING))
                        .summary("Disables a proxy: connections are refused and open ones closed.").build(),
                        call -> new ProxyDown(ServerAddress.of(call), call.arguments().string("proxy")),
                        FaultFunction.Output.state()),
                modifyProxy(),
                new FaultFunction(withServer(FunctionSpec.action("toxiproxy/create-proxy").required("proxy", Type.STRING)
                        .required("upstream", Type.STRING)
                        .optional("listen", Type.STRING, "127.0.0.1:0")
                        .optional("enabled", Type.BOOLEAN, true))
                        .summary("Creates a proxy in front of upstream (host:port); undone by deleting it.").build(),
                        call -> new ProxyCreation(ServerAddress.of(call), call.arguments().string("proxy"),
                                call.arguments().optionalString("listen").orElse("127.0.0.1:0"),
                                call.arguments().string("upstream"),
                                call.arguments().optionalBool("enabled").orElse(true)),
                        FaultFunction.Output.state()),
                new PlainFunction(withServer(FunctionSpec.action("toxiproxy/up").required("proxy", Type.STRING))
                        .summary("Enables a proxy; returns null when it does not exist.").build(),
                        (call, client) -> ProxyCleanup.enable(client, call.arguments().string("proxy")).orElse(null)),
                new PlainFunction(withServer(FunctionSpec.action("toxiproxy/remove-toxic").required("proxy", Type.STRING)
                        .required("name", Type.STRING))
                        .summary("Removes a toxic; removed is false when it was already gone.").build(),
                        (call, client) -> removal(client, call.arguments().string("proxy"), "toxic",
                                call.arguments().string("name"),
                                client.deleteToxic(call.arguments().string("proxy"), call.arguments().string("name")))),
                new PlainFunction(withServer(FunctionSpec.action("toxiproxy/delete-proxy").required("proxy", Type.STRING))
                        .summary("Deletes a proxy and its toxics; removed is false when it was already gone.").build(),
                        (call, client) -> removal(client, call.arguments().string("proxy"), null, null,
                                client.deleteProxy(call.arguments().string("proxy")))),
                new PlainFunction(withServer(FunctionSpec.action("toxiproxy/reset"))
                        .summary("Removes every toxic and enables every proxy on the server (proxies stay).").build(),
                        (call, client) -> ProxyCleanup.reset(client)),
                new PlainFunction(withServer(FunctionSpec.probe("toxiproxy/proxy").required("proxy", Type.STRING))
                        .summary("Reads a proxy: name, listen, upstream, enabled, toxics.").build(),
                        (call, client) -> client.requireProxy(call.arguments().string("proxy")).toMap()),
                new PlainFunction(withServer(FunctionSpec.probe("toxiproxy/proxies"))
                        .summary("Lists every proxy on the server.").build(),
                        (call, client) -> client.proxies().stream().map(Proxy::toMap).toList()),
                new PlainFunction(withServer(FunctionSpec.probe("toxiproxy/toxics").required("proxy", Type.STRING))
                        .summary("Lists the toxics of a proxy.").build(),
                        (call, client) -> client.toxics(call.arguments().string("proxy")).stream().map(Toxic::toMap).toList()),
                new PlainFunction(withServer(FunctionSpec.probe("toxiproxy/version"))
                        .summary("The server's version (a build from source reports \"git\").").build(),
                        (call, client) -> client.version()));
    }

    private static DriverFunction modifyProxy() {
        FunctionSpec spec = withServer(FunctionSpec.action("toxiproxy/modify-proxy").required("proxy", Type.STRING)
                .optional("upstream", Type.STRING, null)
                .optional("listen", Type.STRING, null)
                .optional("enabled", Type.BOOLEAN, null))
                .summary("Changes a proxy's upstream, listen address or enabled flag; undone by restoring them"
                        + " (enabled=true alone is a clean-up, not a fault).")
                .build();
        FaultFunction fault = new FaultFunction(spec, call -> new ProxyUpdate(ServerAddress.of(call),
                call.arguments().string("proxy"), changes(call.arguments(), "upstream", "listen")),
                FaultFunction.Output.state());
        return new ModifyProxyFunction(spec, "proxy", call -> changes(call.arguments(), "upstream", "listen"), fault,
                state -> state.orElse(null));
    }

    private static FunctionSpec.Builder withServer(FunctionSpec.Builder builder) {
        return builder.optional("server", Type.STRING, null);
    }

    private static Map<String, Object> changes(Arguments args, String... strings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : strings) {
            args.optionalString(key).ifPresent(value -> out.put(key, value));
        }
        args.optionalBool("enabled").ifPresent(value -> out.put("enabled", value));
        return out;
    }

    private static Map<String, Object> removal(ToxiproxyClient client, String proxy, String kind, String name,
                                               boolean removed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", client.server());
        out.put("proxy", proxy);
        if (kind != null) {
            out.put(kind, name);
        }
        out.put("removed", removed);
        return out;
    }
}
