package dev.faultline.driver.http;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.util.List;

/** Chaos Toolkit's {@code http} provider: one request, its status, headers and body. */
public final class HttpDriver implements Driver {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<DriverFunction> functions() {
        return List.of(new HttpCall());
    }

    @Override
    public void prepare() {
        HttpCall.prepare();
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) {
        throw new IllegalArgumentException("the http driver injects no faults, so it has nothing to undo [" + undo.action() + "]");
    }
}
