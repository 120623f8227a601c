package dev.faultline.driver.chaosmonkey;

import java.time.Duration;
import java.util.Map;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.Faults;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Settings;

/** An invocation for {@code plan()}: declaring a fault through it fails the test. */
record PlanOnlyInvocation(FunctionSpec function, Arguments arguments) implements Invocation {

    @Override
    public Settings configuration() {
        return Settings.empty();
    }

    @Override
    public Map<String, Object> secrets() {
        return Map.of();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Faults faults() {
        throw new AssertionError("planning must not inject anything");
    }
}
