package dev.faultline.driver.chaosmonkey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

/**
 * The one way Chaos Monkey changes are undone: put back the state read just before the change.
 * The {@link UndoSpec} carries that state as plain data ({@code disable}: the monkey was off;
 * {@code assaults} / {@code watchers}: old values of the fields the change set), so another
 * process can undo from the fault ledger alone. Undo never switches a monkey on, and running it
 * twice does no harm.
 */
final class Restore {

    static final String ACTION = "restore";
    static final String DISABLE = "disable";
    static final String ASSAULTS = "assaults";
    static final String WATCHERS = "watchers";

    private Restore() {
    }

    static UndoSpec spec(ActuatorTarget target, boolean disable, Map<String, Object> assaults, Map<String, Object> watchers) {
        Map<String, Object> args = target.toUndoArgs();
        args.put(DISABLE, disable);
        args.put(ASSAULTS, new LinkedHashMap<>(assaults));
        args.put(WATCHERS, new LinkedHashMap<>(watchers));
        return new UndoSpec(ChaosMonkeyDriver.NAME, ACTION, args);
    }

    /**
     * Disables the monkey first (when it was off before), so restored settings never run with it
     * on, then restores assault and watcher fields, then reads everything back.
     *
     * @throws IllegalStateException when the application reads back something else than restored
     */
    static void undo(UndoSpec spec, UndoContext context) throws Exception {
        if (!ACTION.equals(spec.action())) {
            throw new IllegalArgumentException("driver [" + ChaosMonkeyDriver.NAME + "] cannot undo action [" + spec.action()
                    + "]; this ledger entry was written by another Faultline version: undo it by hand through the actuator");
        }
        ChaosMonkeyClient client = new ChaosMonkeyClient(ActuatorTarget.fromUndo(spec), context.timeout());
        boolean disable = Boolean.parseBoolean(String.valueOf(spec.args().getOrDefault(DISABLE, false)));
        Map<String, Object> assaults = map(spec, ASSAULTS);
        Map<String, Object> watchers = map(spec, WATCHERS);

        if (disable) {
            client.disable();
        }
        if (!assaults.isEmpty()) {
            client.changeAssaults(assaults);
        }
        if (!watchers.isEmpty()) {
            client.changeWatchers(watchers);
        }

        List<String> problems = new ArrayList<>();
        if (disable && client.status().enabled()) {
            problems.add("the monkey is still enabled");
        }
        if (!assaults.isEmpty()) {
            problems.addAll(MonkeySettings.mismatches(assaults, client.assaults()));
        }
        if (!watchers.isEmpty()) {
            problems.addAll(MonkeySettings.mismatches(watchers, client.watchers()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("undo at [" + client.target().baseUrl() + "/chaosmonkey] did not take: " + problems
                    + "; disable the monkey by hand (POST " + client.target().baseUrl() + "/chaosmonkey/disable)");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(UndoSpec spec, String key) {
        Object value = spec.args().get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        throw new IllegalArgumentException("undo [" + ChaosMonkeyDriver.NAME + "/" + ACTION + "] has [" + key + "] that is not a mapping: [" + value + "]");
    }
}
