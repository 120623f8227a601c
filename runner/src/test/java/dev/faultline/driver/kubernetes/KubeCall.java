package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Faults;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.Settings;
import dev.faultline.driver.TestInvocation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One call of a Kubernetes driver function, built like the engine builds it (defaults applied), that can also plan. */
record KubeCall(DriverFunction fn, Map<String, Object> args, Map<String, Object> config,
                Map<String, Object> secretValues, Duration timeout, RecordingFaults recorded) implements Invocation {

    static KubeCall of(Driver driver, String name, Map<String, Object> args) {
        return new KubeCall(TestInvocation.function(driver, name), args, Map.of(), Map.of(), Duration.ofSeconds(10),
                new RecordingFaults());
    }

    KubeCall config(Map<String, Object> values) {
        return new KubeCall(fn, args, values, secretValues, timeout, recorded);
    }

    KubeCall secrets(Map<String, Object> values) {
        return new KubeCall(fn, args, config, values, timeout, recorded);
    }

    KubeCall timeout(Duration value) {
        return new KubeCall(fn, args, config, secretValues, value, recorded);
    }

    KubeCall faults(RecordingFaults value) {
        return new KubeCall(fn, args, config, secretValues, timeout, value);
    }

    Object invoke() throws Exception {
        return fn.invoke(this);
    }

    List<PlannedTarget> plan() throws Exception {
        return ((Plannable) fn).plan(this);
    }

    @Override
    public FunctionSpec function() {
        return fn.spec();
    }

    @Override
    public Arguments arguments() {
        Map<String, Object> withDefaults = new LinkedHashMap<>();
        for (Param p : fn.spec().params()) {
            if (p.defaultValue() != null) {
                withDefaults.put(p.name(), p.defaultValue());
            }
        }
        withDefaults.putAll(args);
        return new Arguments(fn.spec().primaryName(), withDefaults);
    }

    @Override
    public Settings configuration() {
        return new Settings(config);
    }

    @Override
    public Map<String, Object> secrets() {
        return secretValues;
    }

    @Override
    public Faults faults() {
        return recorded;
    }
}
