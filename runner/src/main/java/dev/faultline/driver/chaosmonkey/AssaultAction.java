package dev.faultline.driver.chaosmonkey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

/**
 * Changes assault settings as a reversible fault; undo puts back the old values of the fields it
 * set. {@code chaosspring.actions.change_assaults_configuration} only changes the settings (as
 * upstream); {@code chaos-monkey/assault} may also change watchers and, by default, enables the
 * monkey, so one activity gives a fault that is really in place.
 */
final class AssaultAction implements DriverFunction, Plannable {

    static final String KIND = "assault";

    private final FunctionSpec spec;
    private final String settingsArgument;
    private final boolean nativeForm;

    private AssaultAction(FunctionSpec spec, String settingsArgument, boolean nativeForm) {
        this.spec = spec;
        this.settingsArgument = settingsArgument;
        this.nativeForm = nativeForm;
    }

    static AssaultAction chaosToolkit() {
        FunctionSpec spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(
                        FunctionSpec.action("chaosspring.actions.change_assaults_configuration"))
                        .required(ChaosMonkeyParams.ASSAULTS_CONFIGURATION, Param.Type.MAP))
                .summary("Change Chaos Monkey assault settings (undone by restoring the fields it changed)")
                .build();
        return new AssaultAction(spec, ChaosMonkeyParams.ASSAULTS_CONFIGURATION, false);
    }

    static AssaultAction nativeName() {
        FunctionSpec spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action("chaos-monkey/assault"))
                        .required(ChaosMonkeyParams.ASSAULTS, Param.Type.MAP)
                        .optional(ChaosMonkeyParams.WATCHERS, Param.Type.MAP, null)
                        .optional(ChaosMonkeyParams.ENABLE, Param.Type.BOOLEAN, true))
                .summary("Set Chaos Monkey assaults (and watchers) and enable the monkey; undone by restoring all of it")
                .build();
        return new AssaultAction(spec, ChaosMonkeyParams.ASSAULTS, true);
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        Map<String, Object> change = settings(call.arguments(), settingsArgument);
        return Injection.planned(KIND, target, true, "Chaos Monkey assault settings " + ChaosMonkeyClient.write(change)
                + " at [" + target.baseUrl() + "]");
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        Arguments args = call.arguments();
        ActuatorTarget target = ActuatorTarget.of(args);
        Map<String, Object> assaultChange = settings(args, settingsArgument);
        Map<String, Object> watcherChange = nativeForm ? args.optionalMap(ChaosMonkeyParams.WATCHERS).orElse(Map.of()) : Map.of();
        boolean enable = nativeForm && args.optionalBool(ChaosMonkeyParams.ENABLE).orElse(true);
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, ActuatorTarget.budget(args, call.timeout()));

        boolean wasEnabled = client.status().enabled();
        Map<String, Object> assaultsBefore = client.assaults();
        Map<String, Object> watchersBefore = watcherChange.isEmpty() ? Map.of() : client.watchers();
        Map<String, Object> after = new LinkedHashMap<>(assaultsBefore);
        assaultChange.forEach((field, value) -> {
            if (value != null) {
                after.put(field, value);
            }
        });
        String description = describe(target, after, enable || wasEnabled);

        Transport.Reply[] reply = new Transport.Reply[1];
        Evidence evidence = Injection.inject(call,
                Injection.plan(KIND, target, description, Restore.spec(target, enable && !wasEnabled,
                        MonkeySettings.previousValues(assaultChange, assaultsBefore),
                        MonkeySettings.previousValues(watcherChange, watchersBefore))),
                () -> {
                    if (!watcherChange.isEmpty()) {
                        client.changeWatchers(watcherChange);
                    }
                    reply[0] = client.changeAssaults(assaultChange);
                    if (enable) {
                        client.enable();
                    }
                },
                () -> observe(client, assaultChange, watcherChange, enable));
        return nativeForm ? Observed.of(evidence) : reply[0].body();
    }

    private static Evidence observe(ChaosMonkeyClient client, Map<String, Object> assaultChange,
                                    Map<String, Object> watcherChange, boolean mustBeEnabled) throws Exception {
        boolean enabled = client.status().enabled();
        Map<String, Object> assaults = client.assaults();
        Map<String, Object> watchers = watcherChange.isEmpty() ? watchersIfReadable(client) : client.watchers();
        List<String> problems = new ArrayList<>(MonkeySettings.mismatches(assaultChange, assaults));
        if (!watcherChange.isEmpty()) {
            problems.addAll(MonkeySettings.mismatches(watcherChange, watchers));
        }
        if (mustBeEnabled && !enabled) {
            problems.add("the monkey is not enabled");
        }
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("enabled", enabled);
        observed.put("active_assaults", MonkeySettings.activeAssaults(assaults));
        observed.put("reach", MonkeySettings.reach(assaults));
        observed.put("watchers", watchers == null ? "unreadable" : MonkeySettings.activeWatchers(watchers));
        if (!problems.isEmpty()) {
            observed.put("problems", problems);
        }
        String check = "Chaos Monkey at [" + client.target().baseUrl() + "] reads back the requested settings"
                + (mustBeEnabled ? " and is enabled" : "");
        return problems.isEmpty() ? Evidence.confirmed(check, observed)
                : Evidence.missing(check + ", but " + String.join("; ", problems), observed);
    }

    /** Watchers are only context when the activity did not change them: not being able to read them is no failure. */
    private static Map<String, Object> watchersIfReadable(ChaosMonkeyClient client) throws InterruptedException {
        try {
            return client.watchers();
        } catch (ActivityFailedException e) {
            return null;
        }
    }

    private static String describe(ActuatorTarget target, Map<String, Object> assaults, boolean enabled) {
        List<String> active = MonkeySettings.activeAssaults(assaults);
        String what = active.isEmpty() ? "no active assault" : String.join(", ", active) + " on " + MonkeySettings.reach(assaults);
        return "Chaos Monkey assaults at [" + target.baseUrl() + "]: " + what + (enabled ? "" : " (monkey disabled: no effect until enabled)");
    }

    private Map<String, Object> settings(Arguments args, String name) {
        Map<String, Object> settings = args.optionalMap(name).orElse(Map.of());
        if (settings.isEmpty()) {
            throw new IllegalArgumentException(spec.primaryName() + ": argument [" + name + "] must name at least one assault setting, "
                    + "e.g. {latencyActive: true, latencyRangeStart: 800, latencyRangeEnd: 800}, but was [" + args.raw(name) + "]");
        }
        return new LinkedHashMap<>(settings);
    }
}
