package dev.faultline.safety.preflight;

import java.time.Instant;

/** One condition checked before anything is injected; it decides, it never throws for a "no". */
@FunctionalInterface
public interface PreflightCheck {

    /** Short stable name, e.g. {@code allowed-windows}; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }

    Verdict evaluate(Instant now);
}
