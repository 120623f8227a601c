package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Faults;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.Settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link Invocation} with a chosen timeout, defaults applied as the engine applies them. */
record Call(FunctionSpec function, Arguments arguments, Settings configuration, Duration timeout, Faults faults)
        implements Invocation {

    static Call of(DriverFunction function, Map<String, Object> args, Map<String, Object> config,
                   Duration timeout, Faults faults) {
        Map<String, Object> withDefaults = new LinkedHashMap<>();
        for (Param p : function.spec().params()) {
            if (p.defaultValue() != null) {
                withDefaults.put(p.name(), p.defaultValue());
            }
        }
        withDefaults.putAll(args);
        return new Call(function.spec(), new Arguments(function.spec().primaryName(), withDefaults),
                new Settings(config), timeout, faults);
    }

    static Call of(DriverFunction function, Map<String, Object> args, Map<String, Object> config) {
        return of(function, args, config, Duration.ofSeconds(10), null);
    }

    @Override
    public Map<String, Object> secrets() {
        return Map.of();
    }
}
