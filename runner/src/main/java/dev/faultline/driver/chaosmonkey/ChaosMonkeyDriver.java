package dev.faultline.driver.chaosmonkey;

import java.util.List;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

/**
 * Chaos Monkey for Spring Boot, driven through the application's actuator
 * ({@code <base_url>/chaosmonkey}). Offers the chaostoolkit-spring 0.3 functions under their
 * Chaos Toolkit names and arguments ({@code chaosspring.actions.*}, {@code chaosspring.probes.*})
 * and native {@code chaos-monkey/*} functions. Every change that adds chaos is declared with an
 * undo that restores the state read just before it; every request has a real timeout.
 */
public final class ChaosMonkeyDriver implements Driver {

    public static final String NAME = "chaos-monkey";

    private final List<DriverFunction> functions = List.of(
            EnableAction.chaosToolkit(),
            DisableAction.chaosToolkit(),
            AssaultAction.chaosToolkit(),
            ProbeFunction.enabled(),
            ProbeFunction.assaults(),
            ProbeFunction.watchers(),
            AssaultAction.nativeName(),
            EnableAction.nativeName(),
            DisableAction.nativeName(),
            new WatchersAction(),
            new AttackAction(),
            ProbeFunction.status());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DriverFunction> functions() {
        return functions;
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) throws Exception {
        Restore.undo(undo, context);
    }
}
