package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

import java.util.List;
import java.util.Map;

/**
 * A Toxiproxy action that injects a reversible fault. It resolves its arguments into an
 * {@link Injection}, which can be planned without touching the server and is injected through the
 * engine's fault ledger.
 *
 * @param resolver turns the call's arguments into the fault (validating them)
 * @param output shapes the result: the server's state for native functions, {@code true} for the
 *     chaostoolkit-toxiproxy names, as upstream returns
 */
record FaultFunction(FunctionSpec spec, Resolver resolver, Output output) implements DriverFunction, Plannable {

    @FunctionalInterface
    interface Resolver {
        Injection resolve(Invocation call);
    }

    @FunctionalInterface
    interface Output {
        Object from(Map<String, Object> state);

        static Output state() {
            return state -> state;
        }

        static Output succeeded() {
            return state -> true;
        }
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        Injection injection = resolve(call);
        ToxiproxyClient client = ToxiproxyClient.of(injection.server(), call.timeout());
        return output.from(injection.inject(call.faults(), client));
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        return List.of(resolve(call).planned());
    }

    private Injection resolve(Invocation call) {
        try {
            return resolver.resolve(call);
        } catch (IllegalArgumentException e) {
            throw PlainFunction.named(spec, e);
        }
    }
}
