package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

/**
 * {@code chaos-monkey/attack}: starts the runtime assaults (kill application, memory, CPU) once.
 * They cannot be taken back (a killed application stays killed; memory and CPU assaults end on
 * their own), so the attack is recorded as irreversible. Refuses when the monkey is off or no
 * runtime assault is active, because the actuator would answer 200 and do nothing.
 */
final class AttackAction implements DriverFunction, Plannable {

    static final String KIND = "runtime-attack";

    private final FunctionSpec spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action("chaos-monkey/attack")))
            .summary("Start Chaos Monkey's active runtime assaults (kill application, memory, CPU) now; irreversible")
            .build();

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        return Injection.planned(KIND, target, false, "runtime assaults at [" + target.baseUrl() + "]");
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, ActuatorTarget.budget(call.arguments(), call.timeout()));
        if (!client.status().enabled()) {
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] is disabled, so a runtime attack would do nothing; "
                    + "enable it first (chaos-monkey/assault with e.g. {memoryActive: true})");
        }
        List<String> runtime = MonkeySettings.activeRuntimeAssaults(client.assaults());
        if (runtime.isEmpty()) {
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] has no runtime assault active "
                    + "(killApplicationActive, memoryActive, cpuActive are all false); set one with chaos-monkey/assault first");
        }
        Transport.Reply reply = client.attack();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("started", runtime);
        observed.put("response", ChaosMonkeyClient.bodyOf(reply));
        call.faults().irreversible(
                new FaultPlan(ChaosMonkeyDriver.NAME, KIND, target.identity(), "runtime assaults " + runtime + " started at [" + target.baseUrl() + "]", null),
                Evidence.confirmed("[POST " + reply.uri() + "] answered 200", observed));
        return observed;
    }
}
