package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Faultline's own toxic actions, {@code toxiproxy/latency} and friends (see
 * {@code docs/drivers/toxiproxy.md}). Each takes the proxy, the type's attributes, and
 * {@code stream}, {@code toxicity}, {@code name} and {@code server}; the name defaults to a fresh
 * {@code faultline-<kind>-<id>} so that runs never collide on a name.
 */
final class NativeToxicFunctions {

    private NativeToxicFunctions() {
    }

    static List<DriverFunction> all() {
        return List.of(
                toxic("latency", "latency", "Delays data by latency ms (+/- jitter ms).",
                        b -> b.required("latency", Type.INTEGER).optional("jitter", Type.INTEGER, 0),
                        a -> attributes("latency", a.integer("latency"), "jitter", a.integer("jitter"))),
                toxic("bandwidth", "bandwidth", "Limits throughput to rate KB/s.",
                        b -> b.required("rate", Type.INTEGER),
                        a -> attributes("rate", a.integer("rate"))),
                toxic("slow-close", "slow_close", "Delays closing the connection by delay ms.",
                        b -> b.required("delay", Type.INTEGER),
                        a -> attributes("delay", a.integer("delay"))),
                toxic("timeout", "timeout", "Stops all data and closes the connection after timeout ms"
                                + " (0: holds it until the toxic is removed).",
                        b -> b.required("timeout", Type.INTEGER),
                        a -> attributes("timeout", a.integer("timeout"))),
                toxic("reset-peer", "reset_peer", "Resets connections (TCP RST) after timeout ms.",
                        b -> b.optional("timeout", Type.INTEGER, 0),
                        a -> attributes("timeout", a.integer("timeout"))),
                toxic("slicer", "slicer", "Slices data into packets of about average_size bytes,"
                                + " delay microseconds apart.",
                        b -> b.required("average_size", Type.INTEGER).optional("size_variation", Type.INTEGER, 0)
                                .optional("delay", Type.INTEGER, 0),
                        a -> attributes("average_size", a.integer("average_size"),
                                "size_variation", a.integer("size_variation"), "delay", a.integer("delay"))),
                toxic("limit-data", "limit_data", "Closes connections after bytes bytes.",
                        b -> b.required("bytes", Type.INTEGER),
                        a -> attributes("bytes", a.integer("bytes"))),
                genericToxic());
    }

    private static DriverFunction toxic(String function, String type, String summary, Consumer<FunctionSpec.Builder> params,
                                        Function<Arguments, Map<String, Object>> attributes) {
        FunctionSpec.Builder builder = FunctionSpec.action("toxiproxy/" + function).required("proxy", Type.STRING);
        params.accept(builder);
        FunctionSpec spec = commonParams(builder).summary(summary).build();
        return new FaultFunction(spec, call -> injection(call, type, attributes.apply(call.arguments())),
                FaultFunction.Output.state());
    }

    private static DriverFunction genericToxic() {
        FunctionSpec.Builder builder = FunctionSpec.action("toxiproxy/toxic")
                .required("proxy", Type.STRING)
                .required("type", Type.STRING)
                .optional("attributes", Type.MAP, null);
        FunctionSpec spec = commonParams(builder)
                .summary("Adds a toxic of any type with the given attributes.")
                .build();
        return new FaultFunction(spec, call -> injection(call, call.arguments().string("type"),
                call.arguments().optionalMap("attributes").orElse(Map.of())), FaultFunction.Output.state());
    }

    private static FunctionSpec.Builder commonParams(FunctionSpec.Builder builder) {
        return builder.optional("stream", Type.STRING, ToxicSpec.DOWNSTREAM)
                .optional("toxicity", Type.NUMBER, 1.0)
                .optional("name", Type.STRING, null)
                .optional("server", Type.STRING, null);
    }

    private static Injection injection(Invocation call, String type, Map<String, Object> attributes) {
        Arguments args = call.arguments();
        String name = args.optionalString("name").filter(s -> !s.isBlank()).orElseGet(() -> freshName(type));
        ToxicSpec toxic = new ToxicSpec(name, type, args.optionalString("stream").orElse(ToxicSpec.DOWNSTREAM),
                args.optionalNumber("toxicity").orElse(1.0), attributes);
        return new ToxicInjection(ServerAddress.of(call), args.string("proxy"), toxic);
    }

    /** A name no other run uses, e.g. {@code faultline-latency-3f9a2c1b}. */
    static String freshName(String type) {
        return "faultline-" + type.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> attributes(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
