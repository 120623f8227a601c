package dev.faultline.ledger;

import dev.faultline.driver.UndoSpec;

import java.time.Instant;

/**
 * A fault as recorded in the ledger: written before the fault is applied, closed once it is undone.
 *
 * @param id unique across runs: {@code <run id>/<fault id>}
 * @param pid the process that injected it (a live pid means the run may still be going)
 */
public record LedgerEntry(String id, String runId, long pid, Instant at, String driver, String kind, String target,
                          String description, UndoSpec undo) {
}
