package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Faults;
import dev.faultline.driver.PlannedTarget;

import java.util.List;
import java.util.Map;

/**
 * A reversible Toxiproxy fault resolved from an activity's arguments: enough to say what it would
 * touch (without contacting the server) and to inject it through {@link Faults}, undo first.
 */
sealed interface Injection permits ToxicInjection, ProxyDown, ProxyUpdate, ProxyCreation {

    String server();

    String proxy();

    /** Fault kind for plans and reports, e.g. {@code latency}, {@code proxy-down}. */
    String kind();

    /** One sentence for plans, the ledger and reports. */
    String description();

    /**
     * Reads what it must from the server, declares the fault with its undo, applies it and reads
     * the evidence back.
     *
     * @return the server's state afterwards, JSON-like (the native functions' output)
     */
    Map<String, Object> inject(Faults faults, ToxiproxyClient client) throws Exception;

    default String target() {
        return "toxiproxy:" + server() + "/proxies/" + proxy();
    }

    default PlannedTarget planned() {
        return new PlannedTarget(ToxiproxyDriver.NAME, kind(), target(), null,
                List.of(new PlannedTarget.Resource(null, proxy(), Map.of())), 1, true, description());
    }
}
