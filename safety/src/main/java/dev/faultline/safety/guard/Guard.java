package dev.faultline.safety.guard;

import java.time.Instant;

/**
 * A safety condition evaluated on demand while an experiment runs. A breach makes the engine abort
 * the run and undo every fault.
 *
 * <p>Contract: {@link #check(Instant)} returns quickly (network calls are bounded by the guard's own
 * timeout), never throws for a failed measurement (it returns {@link GuardCheck.Status#UNKNOWN}), and
 * is called from one thread at a time.
 */
public interface Guard {

    /** Short stable name, e.g. {@code burn-rate}; unique within a run. */
    default String name() {
        return definition().name();
    }

    GuardDefinition definition();

    /** Called once when monitoring starts, before the first check; {@code at} is the run's guard start. */
    default void started(Instant at) {
    }

    /** Evaluates the guard as of {@code now}. */
    GuardCheck check(Instant now);
}
