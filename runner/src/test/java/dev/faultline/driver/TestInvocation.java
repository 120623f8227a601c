package dev.faultline.driver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link Invocation}s for driver tests without an engine. */
public final class TestInvocation implements Invocation {

    private final FunctionSpec spec;
    private final Arguments arguments;
    private final Settings configuration;
    private final Duration timeout;
    private final Faults faults;

    private TestInvocation(FunctionSpec spec, Map<String, Object> args, Map<String, Object> config,
                           Duration timeout, Faults faults) {
        this.spec = spec;
        Map<String, Object> withDefaults = new LinkedHashMap<>();
        for (Param p : spec.params()) {
            if (p.defaultValue() != null) {
                withDefaults.put(p.name(), p.defaultValue());
            }
        }
        withDefaults.putAll(args);
        this.arguments = new Arguments(spec.primaryName(), withDefaults);
        this.configuration = new Settings(config);
        this.timeout = timeout;
        this.faults = faults;
    }

    /** Calls {@code function} with {@code args}, the given configuration, a 10 s timeout and {@code faults}. */
    public static Object call(DriverFunction function, Map<String, Object> args, Map<String, Object> config,
                              Faults faults) throws Exception {
        return function.invoke(new TestInvocation(function.spec(), args, config, Duration.ofSeconds(10), faults));
    }

    /** Finds a function of {@code driver} by any of its names. */
    public static DriverFunction function(Driver driver, String name) {
        return driver.functions().stream()
                .filter(f -> f.spec().names().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("driver [" + driver.name() + "] has no function [" + name + "]"));
    }

    @Override public FunctionSpec function() { return spec; }
    @Override public Arguments arguments() { return arguments; }
    @Override public Settings configuration() { return configuration; }
    @Override public Map<String, Object> secrets() { return Map.of(); }
    @Override public Duration timeout() { return timeout; }
    @Override public Faults faults() { return faults; }
}
