package dev.faultline.driver;

/**
 * Where drivers declare the faults they inject, so the engine can undo them whatever happens.
 *
 * <p>The order is always: the plan (with its undo) is written to the write-ahead fault ledger and
 * flushed, then {@code apply} runs, then {@code verify} reads the target back. A fault whose
 * evidence says it is not in place fails the activity; it is still undone at the end of the run.
 */
public interface Faults {

    /** Injects a reversible fault. */
    void inject(FaultPlan plan, Apply apply, Verify verify) throws Exception;

    /** Records a fault that cannot be undone (a deleted pod), with the evidence that it happened. */
    void irreversible(FaultPlan plan, Evidence evidence);

    @FunctionalInterface
    interface Apply {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Verify {
        Evidence check() throws Exception;
    }
}
