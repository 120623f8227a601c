package dev.faultline.engine;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;
import dev.faultline.driver.UndoContext;
import dev.faultline.ledger.FaultLedger;
import dev.faultline.ledger.LedgerEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every fault of one run: written to the ledger before it is applied, verified after, and undone
 * (newest first) at the end whatever happened. Thread-safe: background activities inject too.
 */
public final class FaultTracker {

    /** Undo status as journaled. */
    public enum UndoStatus { PENDING, UNDONE, FAILED, IRREVERSIBLE }

    /** One fault and what became of it. Mutable only through the tracker. */
    public static final class Fault {
        private final String id;
        private final FaultPlan plan;
        private final String activity;
        private final Instant injectedAt;
        private final List<Evidence> evidence = new CopyOnWriteArrayList<>();
        private final List<Instant> evidenceAt = new CopyOnWriteArrayList<>();
        private volatile UndoStatus undoStatus;
        private volatile Instant undoneAt;
        private volatile String undoBy;
        private volatile String undoError;

        Fault(String id, FaultPlan plan, String activity, Instant injectedAt, UndoStatus status) {
            this.id = id;
            this.plan = plan;
            this.activity = activity;
            this.injectedAt = injectedAt;
            this.undoStatus = status;
        }

        public String id() { return id; }
        public FaultPlan plan() { return plan; }
        public String activity() { return activity; }
        public Instant injectedAt() { return injectedAt; }
        public List<Evidence> evidence() { return List.copyOf(evidence); }
        public List<Instant> evidenceAt() { return List.copyOf(evidenceAt); }
        public UndoStatus undoStatus() { return undoStatus; }
        public Instant undoneAt() { return undoneAt; }
        public String undoBy() { return undoBy; }
        public String undoError() { return undoError; }
    }

    private final FaultLedger ledger;
    private final String runId;
    private final DriverRegistry registry;
    private final Clock clock;
    private final RunListener listener;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final long pid = ProcessHandle.current().pid();

    public FaultTracker(FaultLedger ledger, String runId, DriverRegistry registry, Clock clock, RunListener listener) {
        this.ledger = ledger;
        this.runId = runId;
        this.registry = registry;
        this.clock = clock;
        this.listener = listener;
    }

    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** The {@link Faults} a driver sees while running {@code activity}; ids of its faults go to {@code ids}. */
    Faults forActivity(String activity, List<String> ids) {
        return new Faults() {
            @Override
            public void inject(FaultPlan plan, Apply apply, Verify verify) throws Exception {
                if (plan.undo() == null) {
                    throw new IllegalArgumentException("a reversible fault needs an undo: " + plan.description());
                }
                Fault fault = new Fault(nextId(), plan, activity, clock.instant(), UndoStatus.PENDING);
                ledger.opened(new LedgerEntry(runId + "/" + fault.id, runId, pid, fault.injectedAt, plan.driver(),
                        plan.kind(), plan.target(), plan.description(), plan.undo()));
                faults.add(fault);
                synchronized (ids) {
                    ids.add(fault.id);
                }
                listener.faultInjected(fault);
                apply.run();
                Evidence evidence = verify.check();
                fault.evidence.add(evidence);
                fault.evidenceAt.add(clock.instant());
                if (!evidence.ok()) {
                    throw new ActivityFailedException("the fault did not take effect: " + evidence.check()
                            + " (observed " + evidence.observed() + ")");
                }
            }

            @Override
            public void irreversible(FaultPlan plan, Evidence evidence, Duration startedAgo) {
                Fault fault = new Fault(nextId(), plan, activity, clock.instant().minus(startedAgo), UndoStatus.IRREVERSIBLE);
                fault.evidence.add(evidence);
                fault.evidenceAt.add(clock.instant());
                faults.add(fault);
                synchronized (ids) {
                    ids.add(fault.id);
                }
                listener.faultInjected(fault);
            }
        };
    }

    private synchronized String nextId() {
        return "f" + (faults.size() + 1);
    }

    /**
     * Undoes every pending fault, newest first, each bounded by {@code timeout} (with one retry).
     *
     * @return the faults whose undo failed (empty when all is clean)
     */
    public List<Fault> undoAll(String by, Duration timeout) {
        List<Fault> failed = new ArrayList<>();
        List<Fault> newestFirst = new ArrayList<>(faults);
        java.util.Collections.reverse(newestFirst);
        for (Fault fault : newestFirst) {
            if (fault.undoStatus != UndoStatus.PENDING) {
                continue;
            }
            String error = undo(fault, timeout);
            if (error == null) {
                fault.undoStatus = UndoStatus.UNDONE;
                fault.undoneAt = clock.instant();
                fault.undoBy = by;
                ledger.closed(runId + "/" + fault.id, fault.undoneAt, by);
                listener.faultUndone(fault);
            } else {
                fault.undoStatus = UndoStatus.FAILED;
                fault.undoBy = by;
                fault.undoError = error;
                ledger.undoFailed(runId + "/" + fault.id, clock.instant(), error);
                failed.add(fault);
            }
        }
        return failed;
    }

    /** The latest instant a fault was undone, or {@code null}. */
    public Instant lastUndoneAt() {
        return faults.stream().map(f -> f.undoneAt).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private String undo(Fault fault, Duration timeout) {
        Driver driver = registry.driver(fault.plan.undo().driver()).orElse(null);
        if (driver == null) {
            return "no driver named [" + fault.plan.undo().driver() + "] to undo it";
        }
        String error = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            boolean interrupted = Thread.interrupted();
            try {
                driver.undo(fault.plan.undo(), new UndoContext(timeout));
                error = null;
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (error == null) {
                break;
            }
        }
        return error;
    }
}
