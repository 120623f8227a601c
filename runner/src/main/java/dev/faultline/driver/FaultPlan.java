package dev.faultline.driver;

import java.util.Objects;

/**
 * A fault about to be injected: what it is, what it touches, and how to undo it.
 *
 * @param driver the driver injecting it
 * @param kind short fault kind for reports, e.g. {@code latency}, {@code proxy-down}, {@code assault}
 * @param target stable identity of what is touched, e.g.
 *     {@code toxiproxy:http://127.0.0.1:8474/proxies/inventory}; two runs on the same target conflict
 * @param description one human sentence, e.g. "800 ms latency on proxy [inventory] (downstream)"
 * @param undo how to undo it; {@code null} for irreversible faults (pod kills)
 */
public record FaultPlan(String driver, String kind, String target, String description, UndoSpec undo) {

    public FaultPlan {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(description, "description");
    }

    public boolean reversible() {
        return undo != null;
    }
}
