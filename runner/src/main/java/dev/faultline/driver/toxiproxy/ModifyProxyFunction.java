package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A proxy modification that is a fault only when it changes something other than switching the
 * proxy back on. Experiments use {@code modify_proxy(enabled=true)} as a rollback; declaring that
 * as a fault would have Faultline "undo" the rollback by disabling the proxy again.
 *
 * @param proxyArgument the argument naming the proxy
 * @param changes the requested changes, from the call's arguments
 * @param fault how the other changes are injected
 * @param output what the plain path returns, from the proxy's state afterwards (empty: no such proxy)
 */
record ModifyProxyFunction(FunctionSpec spec, String proxyArgument, Function<Invocation, Map<String, Object>> changes,
                           FaultFunction fault, Function<Optional<Map<String, Object>>, Object> output)
        implements DriverFunction, Plannable {

    @Override
    public Object invoke(Invocation call) throws Exception {
        Map<String, Object> requested = requested(call);
        if (!restoresOnly(requested)) {
            return fault.invoke(call);
        }
        ToxiproxyClient client = ToxiproxyClient.of(ServerAddress.of(call), call.timeout());
        String proxy = call.arguments().string(proxyArgument);
        if (requested.isEmpty()) {
            return output.apply(Optional.of(client.requireProxy(proxy).toMap()));
        }
        return output.apply(ProxyCleanup.enable(client, proxy));
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        return restoresOnly(requested(call)) ? List.of() : fault.plan(call);
    }

    private Map<String, Object> requested(Invocation call) {
        try {
            return changes.apply(call);
        } catch (IllegalArgumentException e) {
            throw PlainFunction.named(spec, e);
        }
    }

    /** Nothing to change, or only {@code enabled: true}: not a fault, nothing to undo. */
    static boolean restoresOnly(Map<String, Object> changes) {
        return changes.isEmpty() || changes.equals(Map.of("enabled", true));
    }
}
