package dev.faultline.ledger;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.UndoContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Undoes ledger entries left open (by a crashed run), newest first, recording each outcome in the
 * ledger. Used by {@code faultline rollback} and by {@code run --rollback-first}.
 */
public final class LedgerRollback {

    private final FaultLedger ledger;
    private final DriverRegistry registry;
    private final Duration timeout;
    private final Clock clock;

    public LedgerRollback(FaultLedger ledger, DriverRegistry registry, Duration timeout, Clock clock) {
        this.ledger = ledger;
        this.registry = registry;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Undoes {@code entries}; returns one message per entry that could not be undone. */
    public List<String> undo(List<LedgerEntry> entries, String by) {
        List<LedgerEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        List<String> failures = new ArrayList<>();
        for (LedgerEntry entry : newestFirst) {
            String error = undoOne(entry);
            if (error == null) {
                ledger.closed(entry.id(), clock.instant(), by);
            } else {
                ledger.undoFailed(entry.id(), clock.instant(), error);
                failures.add("could not undo " + entry.description() + " on [" + entry.target() + "]: " + error);
            }
        }
        return failures;
    }

    private String undoOne(LedgerEntry entry) {
        Driver driver = registry.driver(entry.undo().driver()).orElse(null);
        if (driver == null) {
            return "no driver named [" + entry.undo().driver() + "]";
        }
        try {
            driver.undo(entry.undo(), new UndoContext(timeout));
            return null;
        } catch (Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
