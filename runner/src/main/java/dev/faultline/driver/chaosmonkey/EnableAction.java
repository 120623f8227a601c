package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

/**
 * Switches Chaos Monkey on, as a reversible fault: undo switches it off again unless it was on
 * before. The Chaos Toolkit name returns the actuator's answer as upstream does; the native name
 * returns {@code {enabled, was_enabled, active_assaults}}.
 */
final class EnableAction implements DriverFunction, Plannable {

    static final String KIND = "monkey-enabled";

    private final FunctionSpec spec;
    private final boolean chaosToolkitOutput;

    private EnableAction(FunctionSpec spec, boolean chaosToolkitOutput) {
        this.spec = spec;
        this.chaosToolkitOutput = chaosToolkitOutput;
    }

    static EnableAction chaosToolkit() {
        return new EnableAction(spec("chaosspring.actions.enable_chaosmonkey"), true);
    }

    static EnableAction nativeName() {
        return new EnableAction(spec("chaos-monkey/enable"), false);
    }

    private static FunctionSpec spec(String name) {
        return ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action(name)))
                .summary("Enable Chaos Monkey for Spring Boot (undone by disabling it, unless it was already enabled)")
                .build();
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        return Injection.planned(KIND, target, true, "enable Chaos Monkey at [" + target.baseUrl() + "]");
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, ActuatorTarget.budget(call.arguments(), call.timeout()));
        boolean wasEnabled = client.status().enabled();
        String description = "Chaos Monkey enabled at [" + target.baseUrl() + "]"
                + (wasEnabled ? " (it already was; undo leaves it enabled)" : "");
        Transport.Reply[] reply = new Transport.Reply[1];
        Evidence evidence = Injection.inject(call,
                Injection.plan(KIND, target, description, Restore.spec(target, !wasEnabled, Map.of(), Map.of())),
                () -> reply[0] = client.enable(),
                () -> observe(client));
        if (chaosToolkitOutput) {
            return reply[0].body();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", true);
        out.put("was_enabled", wasEnabled);
        out.putAll(Observed.of(evidence));
        return out;
    }

    /** Enabled, and which assaults will now hit which requests. */
    static Evidence observe(ChaosMonkeyClient client) throws Exception {
        boolean enabled = client.status().enabled();
        Map<String, Object> assaults = client.assaults();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("enabled", enabled);
        observed.put("active_assaults", MonkeySettings.activeAssaults(assaults));
        observed.put("reach", MonkeySettings.reach(assaults));
        String check = "Chaos Monkey at [" + client.target().baseUrl() + "] reports enabled";
        return enabled ? Evidence.confirmed(check, observed) : Evidence.missing(check + ", but it reports disabled", observed);
    }
}
