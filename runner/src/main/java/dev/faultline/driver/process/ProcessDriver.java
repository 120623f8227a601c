package dev.faultline.driver.process;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.util.List;

/** Chaos Toolkit's {@code process} provider: runs an executable and captures its exit status and output. */
public final class ProcessDriver implements Driver {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public List<DriverFunction> functions() {
        return List.of(new ProcessCall());
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) {
        throw new IllegalArgumentException("the process driver injects no faults, so it has nothing to undo [" + undo.action() + "]");
    }
}
