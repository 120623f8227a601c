package dev.faultline.driver;

import java.util.Map;
import java.util.Objects;

/**
 * How to undo one fault, as plain data: it is written to the fault ledger before the fault is
 * applied and must be enough, on its own, for {@code faultline rollback} in another process.
 *
 * @param driver the {@link Driver#name()} that knows how to undo it
 * @param action what to do, e.g. {@code delete-toxic}
 * @param args everything needed (server URL, names, previous values), JSON-like values only
 */
public record UndoSpec(String driver, String action, Map<String, Object> args) {

    public UndoSpec {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(action, "action");
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    public String arg(String name) {
        Object value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("undo [" + driver + "/" + action + "] is missing [" + name + "]");
        }
        return String.valueOf(value);
    }
}
