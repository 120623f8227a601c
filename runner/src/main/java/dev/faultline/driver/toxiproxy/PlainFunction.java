package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;

/**
 * A Toxiproxy probe, or an action that is not a fault (enabling a proxy, removing a toxic,
 * resetting the server): it runs against the call's server within the call's timeout.
 */
record PlainFunction(FunctionSpec spec, Body body) implements DriverFunction {

    @FunctionalInterface
    interface Body {
        Object run(Invocation call, ToxiproxyClient client) throws Exception;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ToxiproxyClient client;
        try {
            client = ToxiproxyClient.of(ServerAddress.of(call), call.timeout());
        } catch (IllegalArgumentException e) {
            throw named(spec, e);
        }
        try {
            return body.run(call, client);
        } catch (IllegalArgumentException e) {
            throw named(spec, e);
        }
    }

    /** Prefixes an argument error with the function's name, as {@code Arguments} does. */
    static IllegalArgumentException named(FunctionSpec spec, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(spec.primaryName())) {
            return e;
        }
        return new IllegalArgumentException(spec.primaryName() + ": " + message, e);
    }
}
