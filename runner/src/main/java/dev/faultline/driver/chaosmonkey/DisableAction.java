package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;

/**
 * Switches Chaos Monkey off. Not a fault (it removes chaos), so nothing is declared for undo; it
 * does check that the monkey really is off, since experiments use it as their rollback.
 */
final class DisableAction implements DriverFunction {

    private final FunctionSpec spec;
    private final boolean chaosToolkitOutput;

    private DisableAction(String name, boolean chaosToolkitOutput) {
        this.spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action(name)))
                .summary("Disable Chaos Monkey for Spring Boot")
                .build();
        this.chaosToolkitOutput = chaosToolkitOutput;
    }

    static DisableAction chaosToolkit() {
        return new DisableAction("chaosspring.actions.disable_chaosmonkey", true);
    }

    static DisableAction nativeName() {
        return new DisableAction("chaos-monkey/disable", false);
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, ActuatorTarget.budget(call.arguments(), call.timeout()));
        boolean wasEnabled = client.status().enabled();
        Transport.Reply reply = client.disable();
        if (client.status().enabled()) {
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] still reports enabled after [POST "
                    + reply.uri() + "] answered " + reply.status() + "; check the application's log");
        }
        if (chaosToolkitOutput) {
            return reply.body();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", false);
        out.put("was_enabled", wasEnabled);
        return out;
    }
}
