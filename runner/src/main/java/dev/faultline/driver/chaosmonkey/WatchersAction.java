package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

/**
 * {@code chaos-monkey/watchers}: changes which beans assaults hit (watchers decide where, assaults
 * decide what), as a reversible change; undo puts back the old values of the fields it set.
 */
final class WatchersAction implements DriverFunction, Plannable {

    static final String KIND = "watchers";

    private final FunctionSpec spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action("chaos-monkey/watchers"))
                    .required(ChaosMonkeyParams.WATCHERS, Param.Type.MAP))
            .summary("Change which beans Chaos Monkey watches (undone by restoring the fields it changed)")
            .build();

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        return Injection.planned(KIND, target, true, "Chaos Monkey watchers " + ChaosMonkeyClient.write(change(call.arguments()))
                + " at [" + target.baseUrl() + "]");
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        Map<String, Object> change = change(call.arguments());
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, ActuatorTarget.budget(call.arguments(), call.timeout()));
        Map<String, Object> before = client.watchers();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.putAll(change);
        String description = "Chaos Monkey watchers at [" + target.baseUrl() + "]: " + MonkeySettings.activeWatchers(after);
        Evidence evidence = Injection.inject(call,
                Injection.plan(KIND, target, description, Restore.spec(target, false, Map.of(), MonkeySettings.previousValues(change, before))),
                () -> client.changeWatchers(change),
                () -> {
                    Map<String, Object> watchers = client.watchers();
                    List<String> problems = MonkeySettings.mismatches(change, watchers);
                    Map<String, Object> observed = new LinkedHashMap<>();
                    observed.put("watchers", MonkeySettings.activeWatchers(watchers));
                    if (!problems.isEmpty()) {
                        observed.put("problems", problems);
                    }
                    String check = "Chaos Monkey at [" + target.baseUrl() + "] reads back the requested watchers";
                    return problems.isEmpty() ? Evidence.confirmed(check, observed)
                            : Evidence.missing(check + ", but " + String.join("; ", problems), observed);
                });
        return Observed.of(evidence);
    }

    private Map<String, Object> change(Arguments args) {
        Map<String, Object> change = new LinkedHashMap<>(args.optionalMap(ChaosMonkeyParams.WATCHERS).orElse(Map.of()));
        change.values().removeIf(Objects::isNull);
        if (change.isEmpty()) {
            throw new IllegalArgumentException(spec.primaryName() + ": argument [watchers] must name at least one watcher, "
                    + "e.g. {restController: true}, but was [" + args.raw(ChaosMonkeyParams.WATCHERS) + "]");
        }
        return change;
    }
}
