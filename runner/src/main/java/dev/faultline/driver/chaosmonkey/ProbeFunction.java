package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;

/**
 * The read-only functions: whether the monkey is enabled, its assault settings and its watcher
 * settings, under their Chaos Toolkit names and the native ones.
 */
final class ProbeFunction implements DriverFunction {

    @FunctionalInterface
    private interface Read {
        Object from(ChaosMonkeyClient client) throws Exception;
    }

    private final FunctionSpec spec;
    private final Read read;

    private ProbeFunction(FunctionSpec.Builder builder, String summary, Read read) {
        this.spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(builder)).summary(summary).build();
        this.read = read;
    }

    /** {@code true} or {@code false}, as upstream (200/503 on older monkeys, the JSON flag on 3.x). */
    static ProbeFunction enabled() {
        return new ProbeFunction(FunctionSpec.probe("chaosspring.probes.chaosmonkey_enabled"),
                "Whether Chaos Monkey is enabled (true/false)", client -> client.status().enabled());
    }

    /** {@code {enabled, ...}} with whatever else the status endpoint reports (e.g. {@code enabledAt}). */
    static ProbeFunction status() {
        return new ProbeFunction(FunctionSpec.probe("chaos-monkey/status"),
                "Chaos Monkey's status: {enabled, ...details the application reports}", client -> {
                    MonkeyStatus status = client.status();
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (status.detail() instanceof Map<?, ?> detail) {
                        detail.forEach((key, value) -> out.put(String.valueOf(key), value));
                    } else {
                        out.put("message", status.detail());
                    }
                    out.put("enabled", status.enabled());
                    return out;
                });
    }

    static ProbeFunction assaults() {
        return new ProbeFunction(FunctionSpec.probe("chaosspring.probes.assaults_configuration", "chaos-monkey/assaults"),
                "Chaos Monkey's assault settings", ChaosMonkeyClient::assaults);
    }

    static ProbeFunction watchers() {
        return new ProbeFunction(FunctionSpec.probe("chaosspring.probes.watcher_configuration", "chaos-monkey/watchers-config"),
                "Chaos Monkey's watcher settings", ChaosMonkeyClient::watchers);
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        return read.from(new ChaosMonkeyClient(target, ActuatorTarget.budget(call.arguments(), call.timeout())));
    }
}
