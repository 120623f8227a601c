package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Network faults through a Toxiproxy server: toxics (latency, bandwidth, timeouts, resets, ...)
 * and proxies switched off, under Faultline's own {@code toxiproxy/...} names and under the
 * chaostoolkit-toxiproxy names ({@code chaostoxi...}). Every toxic and proxy change is declared
 * with its undo before it is applied, read back from the server afterwards, and undone from the
 * ledger data alone. Reference: {@code docs/drivers/toxiproxy.md}.
 */
public final class ToxiproxyDriver implements Driver {

    public static final String NAME = "toxiproxy";

    private final List<DriverFunction> functions;

    public ToxiproxyDriver() {
        List<DriverFunction> all = new ArrayList<>();
        all.addAll(NativeToxicFunctions.all());
        all.addAll(NativeProxyFunctions.all());
        all.addAll(ChaostoxiToxicFunctions.all());
        all.addAll(ChaostoxiProxyFunctions.all());
        this.functions = List.copyOf(all);
    }

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
        if (!NAME.equals(undo.driver())) {
            throw new IllegalArgumentException("undo for driver [" + undo.driver() + "] was handed to driver [" + NAME + "]");
        }
        Undos.run(undo, context);
    }
}
