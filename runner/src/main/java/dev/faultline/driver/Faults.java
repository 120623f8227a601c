package dev.faultline.driver;

import java.time.Duration;

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
    default void irreversible(FaultPlan plan, Evidence evidence) {
        irreversible(plan, evidence, Duration.ZERO);
    }

    /**
     * Records a fault that cannot be undone and was started {@code startedAgo} before this call: for
     * a fault whose evidence only comes once it has run (a runtime attack the target answers when
     * it ends), so that the journal dates it from its start.
     */
    void irreversible(FaultPlan plan, Evidence evidence, Duration startedAgo);

    @FunctionalInterface
    interface Apply {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Verify {
        Evidence check() throws Exception;
    }
}
