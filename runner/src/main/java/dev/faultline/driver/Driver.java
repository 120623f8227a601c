package dev.faultline.driver;

import java.util.List;

/**
 * A family of probes and actions that talk to one kind of system (an HTTP endpoint, a Toxiproxy
 * server, a Kubernetes cluster, ...), and the one place that knows how to undo what it injects.
 *
 * <p>Drivers are registered in {@link DriverRegistry}. Constructing a driver must be cheap: heavy
 * clients are created on first use, so that {@code faultline validate} never pays for them.
 */
public interface Driver {

    /** Short name used in ledger entries and journals, e.g. {@code toxiproxy}. */
    String name();

    /** Every probe and action this driver offers, under all their names. */
    List<DriverFunction> functions();

    /**
     * Undoes one fault this driver injected, from the data recorded in the fault ledger alone (the
     * run that injected it may have crashed). Must be idempotent: undoing a fault that is already
     * gone succeeds quietly.
     *
     * @throws Exception when the fault may still be in place
     */
    void undo(UndoSpec undo, UndoContext context) throws Exception;

    /**
     * Loads and initialises, ahead of time, what this driver's first call would otherwise pay for
     * (classes, parsers, protocol handlers), so that the first activity's duration measures the
     * target rather than the runtime. Runs on a background thread while the experiment is loaded
     * and validated: it must not contact any target, take long, or throw.
     */
    default void prepare() {
    }
}
