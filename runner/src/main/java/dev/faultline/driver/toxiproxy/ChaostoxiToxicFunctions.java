package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The toxic actions of chaostoolkit-toxiproxy 0.3 ({@code chaostoxi.toxic.actions}), with its
 * argument names, defaults and outputs: the create functions return {@code true}, and
 * {@code delete_toxic} returns whether something was deleted (it never fails on a missing toxic).
 * The specialised create functions are always downstream with toxicity 1.0, as upstream.
 */
final class ChaostoxiToxicFunctions {

    static final String MODULE = "chaostoxi.toxic.actions.";

    private ChaostoxiToxicFunctions() {
    }

    static List<DriverFunction> all() {
        return List.of(
                generic(),
                fixed("create_latency_toxic", "latency", "Adds latency ms (+/- jitter ms) downstream.",
                        b -> b.required("latency", Type.INTEGER).optional("jitter", Type.INTEGER, 0),
                        a -> attributes("latency", a.integer("latency"), "jitter", a.integer("jitter"))),
                fixed("create_bandwith_degradation_toxic", "bandwidth", "Limits downstream bandwidth to rate KB/s.",
                        b -> b.required("rate", Type.INTEGER),
                        a -> attributes("rate", a.integer("rate"))),
                fixed("create_slow_connection_close_toxic", "slow_close", "Delays closing connections by delay ms.",
                        b -> b.required("delay", Type.INTEGER),
                        a -> attributes("delay", a.integer("delay"))),
                fixed("create_timeout_toxic", "timeout", "Stops data and closes connections after timeout ms.",
                        b -> b.required("timeout", Type.INTEGER),
                        a -> attributes("timeout", a.integer("timeout"))),
                fixed("create_slicer_toxic", "slicer", "Slices data into average_size byte packets, delay us apart.",
                        b -> b.required("average_size", Type.INTEGER).required("size_variation", Type.INTEGER)
                                .required("delay", Type.INTEGER),
                        a -> attributes("average_size", a.integer("average_size"),
                                "size_variation", a.integer("size_variation"), "delay", a.integer("delay"))),
                fixed("create_limiter_toxic", "limit_data", "Closes connections after bytes_limit bytes.",
                        b -> b.required("bytes_limit", Type.INTEGER),
                        a -> attributes("bytes", a.integer("bytes_limit"))),
                new PlainFunction(FunctionSpec.action(MODULE + "delete_toxic")
                        .required("for_proxy", Type.STRING)
                        .required("toxic_name", Type.STRING)
                        .summary("Removes a toxic; false (not an error) when it was already gone.").build(),
                        (call, client) -> client.deleteToxic(call.arguments().string("for_proxy"),
                                call.arguments().string("toxic_name"))));
    }

    private static DriverFunction generic() {
        FunctionSpec spec = FunctionSpec.action(MODULE + "create_toxic")
                .required("for_proxy", Type.STRING)
                .required("toxic_name", Type.STRING)
                .required("toxic_type", Type.STRING)
                .optional("stream", Type.STRING, ToxicSpec.DOWNSTREAM)
                .optional("toxicity", Type.NUMBER, 1.0)
                .optional("attributes", Type.MAP, null)
                .summary("Adds a toxic of any type (latency, bandwidth, slow_close, timeout, reset_peer, slicer,"
                        + " limit_data).")
                .build();
        return new FaultFunction(spec, call -> {
            Arguments a = call.arguments();
            return injection(call, new ToxicSpec(a.string("toxic_name"), a.string("toxic_type"),
                    a.optionalString("stream").orElse(ToxicSpec.DOWNSTREAM), a.optionalNumber("toxicity").orElse(1.0),
                    a.optionalMap("attributes").orElse(Map.of())));
        }, FaultFunction.Output.succeeded());
    }

    private static DriverFunction fixed(String function, String type, String summary, Consumer<FunctionSpec.Builder> params,
                                        Function<Arguments, Map<String, Object>> attributes) {
        FunctionSpec.Builder builder = FunctionSpec.action(MODULE + function)
                .required("for_proxy", Type.STRING)
                .required("toxic_name", Type.STRING);
        params.accept(builder);
        return new FaultFunction(builder.summary(summary).build(),
                call -> injection(call, new ToxicSpec(call.arguments().string("toxic_name"), type, ToxicSpec.DOWNSTREAM,
                        1.0, attributes.apply(call.arguments()))),
                FaultFunction.Output.succeeded());
    }

    private static Injection injection(Invocation call, ToxicSpec toxic) {
        return new ToxicInjection(ServerAddress.of(call), call.arguments().string("for_proxy"), toxic);
    }

    private static Map<String, Object> attributes(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
