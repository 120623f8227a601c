package dev.faultline.engine;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ActivityType;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.RollbackStrategy;
import dev.faultline.ledger.FaultLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one experiment: configuration, pre-flight, steady state before, method, steady state after,
 * then - whatever happened - undo of every fault and the declared rollbacks. Failures, deviations,
 * aborts and signals all end in a {@link RunResult} and a journal; nothing escapes as an exception.
 */
public final class Engine {

    private static final Duration CLEANUP_ACTIVITY_CAP = Duration.ofSeconds(60);

    private final DriverRegistry registry;
    private final SafetyHook.Factory safetyFactory;

    /** An engine whose runs are guarded as their {@code safety} blocks and safeguards say. */
    public Engine(DriverRegistry registry) {
        this(registry, dev.faultline.engine.safety.SafetyAdapter::create);
    }

    public Engine(DriverRegistry registry, SafetyHook.Factory safetyFactory) {
        this.registry = registry;
        this.safetyFactory = safetyFactory;
    }

    public RunResult run(Experiment experiment, RunOptions options, StopSignal stop) {
        String runId = UUID.randomUUID().toString();
        FaultLedger ledger = new FaultLedger(options.ledgerFile() != null ? options.ledgerFile() : FaultLedger.defaultPath());
        FaultTracker faults = new FaultTracker(ledger, runId, registry, options.clock(), options.listener());
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
        RunContext ctx = new RunContext(runId, experiment, options, registry, stop, faults, workers);
        stop.onStop(options.listener()::stopping);
        RunJournal journal = new RunJournal(ctx.clock.instant());
        ActivityRunner activities = new ActivityRunner(ctx);
        HypothesisRunner hypotheses = new HypothesisRunner(ctx, activities);

        Outcome outcome;
        boolean methodStarted = false;
        Steps steps = new Steps(ctx, journal, activities, hypotheses, ledger, safetyFactory);
        try {
            outcome = steps.configureAndCheck();
            if (outcome == null) {
                methodStarted = true;
                outcome = steps.experiment();
            }
        } catch (RuntimeException e) {
            journal.error(Phase.METHOD, ActivityRunner.describe(e).get(0));
            outcome = Outcome.ERROR;
        } finally {
            steps.safety.stop();
        }
        outcome = stopOutcome(stop, outcome, journal);
        outcome = undo(ctx, journal, outcome);
        rollbacks(ctx, journal, activities, outcome, methodStarted);
        workers.shutdownNow();
        journal.end = ctx.clock.instant();
        RunResult result = new RunResult(runId, outcome, JournalWriter.write(ctx, journal, outcome, steps.safety), faults.faults());
        steps.safety.close();
        ctx.end();
        options.listener().runFinished(outcome);
        return result;
    }

    /** What a run would touch, without running it: configuration is resolved and every action planned (read-only). */
    public record Plan(java.util.Map<String, Object> configuration, List<PlannedAction> targets, String error) {
    }

    public Plan plan(Experiment experiment, RunOptions options) {
        FaultLedger ledger = new FaultLedger(options.ledgerFile() != null ? options.ledgerFile() : FaultLedger.defaultPath());
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
        try {
            RunContext ctx = new RunContext("plan", experiment, options, registry, new StopSignal(),
                    new FaultTracker(ledger, "plan", registry, options.clock(), RunListener.NONE), workers);
            RunJournal journal = new RunJournal(ctx.clock.instant());
            Preflight preflight = new Preflight(ctx, journal, new ActivityRunner(ctx), ledger);
            if (preflight.configure() != null) {
                return new Plan(java.util.Map.of(), List.of(), journal.errorMessage);
            }
            try {
                return new Plan(ctx.configuration().values(), preflight.plan(), null);
            } catch (Exception e) {
                return new Plan(ctx.configuration().values(), List.of(), ActivityRunner.describe(e).get(0));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Outcome stopOutcome(StopSignal stop, Outcome outcome, RunJournal journal) {
        StopSignal.Reason reason = stop.reason();
        if (reason == null) {
            return outcome;
        }
        journal.abortStartedAt = reason.requestedAt();
        return switch (reason.kind()) {
            case GUARD -> outcome.worst(Outcome.ABORTED);
            case SIGNAL, ABORT_COMMAND -> outcome.worst(Outcome.INTERRUPTED);
            case FAIL_FAST -> outcome.worst(Outcome.DEVIATED);
        };
    }

    private static Outcome undo(RunContext ctx, RunJournal journal, Outcome outcome) {
        Instant start = ctx.clock.instant();
        ctx.listener.phaseStarted(Phase.UNDO);
        String by = switch (outcome) {
            case ABORTED -> "abort";
            case INTERRUPTED -> "interrupt";
            default -> "end-of-run";
        };
        List<FaultTracker.Fault> failed = ctx.faults.undoAll(by, ctx.options.undoTimeout());
        journal.phases.add(new RunJournal.PhaseEntry(Phase.UNDO, start, ctx.clock.instant(), failed.isEmpty() ? "succeeded" : "failed"));
        if (failed.isEmpty()) {
            return outcome;
        }
        journal.error(Phase.UNDO, failed.size() + " fault(s) could not be undone: " + failed.get(0).plan().description()
                + ": " + failed.get(0).undoError() + " (run `faultline rollback` once the target is reachable)");
        return outcome.worst(Outcome.ERROR);
    }

    private static void rollbacks(RunContext ctx, RunJournal journal, ActivityRunner activities, Outcome outcome,
                                  boolean methodStarted) {
        RollbackStrategy strategy = ctx.options.rollbackStrategy() != null ? ctx.options.rollbackStrategy()
                : ctx.experiment.runtime().rollbacks();
        boolean run = switch (strategy) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DEVIATED -> journal.deviated;
            case DEFAULT -> methodStarted && outcome != Outcome.NOT_MET && outcome != Outcome.REFUSED;
        };
        if (!run || ctx.experiment.rollbacks().isEmpty()) {
            return;
        }
        Instant start = ctx.clock.instant();
        ctx.listener.phaseStarted(Phase.ROLLBACKS);
        boolean ok = true;
        for (Activity rollback : ctx.experiment.rollbacks()) {
            RunRecord record = activities.runCleanup(Phase.ROLLBACKS, rollback, CLEANUP_ACTIVITY_CAP);
            journal.rollbacks.add(record);
            ok &= !record.failed();
        }
        journal.phases.add(new RunJournal.PhaseEntry(Phase.ROLLBACKS, start, ctx.clock.instant(), ok ? "succeeded" : "failed"));
        if (!ok) {
            journal.error(Phase.ROLLBACKS, "a rollback failed; check the rollbacks section");
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "faultline-activity-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The phases up to the after-hypothesis, one method each, in the order they run. */
    private static final class Steps {
        private final RunContext ctx;
        private final RunJournal journal;
        private final ActivityRunner activities;
        private final HypothesisRunner hypotheses;
        private final Preflight preflight;
        private final SafetyHook.Factory safetyFactory;
        /** The run's safety, once configuration is resolved; {@link SafetyHook#NONE} until then. */
        SafetyHook safety = SafetyHook.NONE;

        Steps(RunContext ctx, RunJournal journal, ActivityRunner activities, HypothesisRunner hypotheses,
              FaultLedger ledger, SafetyHook.Factory safetyFactory) {
            this.ctx = ctx;
            this.journal = journal;
            this.activities = activities;
            this.hypotheses = hypotheses;
            this.preflight = new Preflight(ctx, journal, activities, ledger);
            this.safetyFactory = safetyFactory;
        }

        /** Configuration and pre-flight: returns an outcome when the run must not start, else {@code null}. */
        Outcome configureAndCheck() {
            Outcome early = preflight.configure();
            if (early != null) {
                return early;
            }
            try {
                safety = safetyFactory.create(new SafetyHook.Setup(ctx.experiment, ctx.runId, ctx.configuration(), ctx.options,
                        hypotheses::checkQuietly));
            } catch (Exception e) {
                journal.error(Phase.PREFLIGHT, "safety: " + ActivityRunner.describe(e).get(0));
                return Outcome.ERROR;
            }
            return preflight.check(safety);
        }

        Outcome experiment() {
            safety.start(ctx.stop);
            HypothesisStrategy strategy = ctx.options.hypothesisStrategy() != null ? ctx.options.hypothesisStrategy()
                    : ctx.experiment.runtime().hypothesis();
            boolean hasHypothesis = ctx.experiment.hypothesis() != null;
            if (hasHypothesis && strategy.before()) {
                journal.before = timed(Phase.BEFORE_HYPOTHESIS, () -> hypotheses.run(Phase.BEFORE_HYPOTHESIS, ctx.experiment.hypothesis()));
                if (journal.before.notMet()) {
                    return Outcome.NOT_MET;
                }
            }
            Outcome methodOutcome = method(hasHypothesis && strategy.during());
            if (methodOutcome != null || ctx.stop.isStopping()) {
                return methodOutcome == null ? Outcome.HELD : methodOutcome;
            }
            if (hasHypothesis && strategy.after()) {
                journal.after = timed(Phase.AFTER_HYPOTHESIS, () -> hypotheses.run(Phase.AFTER_HYPOTHESIS, ctx.experiment.hypothesis()));
                if (journal.after.notMet()) {
                    journal.deviated = true;
                }
            }
            return journal.deviated ? Outcome.DEVIATED : Outcome.HELD;
        }

        /** Runs the method; returns an outcome when it ended the run early (a failed action), else {@code null}. */
        private Outcome method(boolean duringHypothesis) {
            Instant start = ctx.clock.instant();
            ctx.listener.phaseStarted(Phase.METHOD);
            DuringHypothesis during = duringHypothesis ? DuringHypothesis.start(ctx, journal, hypotheses, frequency()) : null;
            List<Future<RunRecord>> background = new ArrayList<>();
            Outcome outcome = null;
            try {
                for (Activity activity : ctx.experiment.method()) {
                    if (ctx.stop.isStopping()) {
                        break;
                    }
                    if (activity.background()) {
                        background.add(ctx.workers.submit(() -> activities.run(Phase.METHOD, activity)));
                        continue;
                    }
                    RunRecord record = activities.run(Phase.METHOD, activity);
                    journal.method.add(record);
                    if (record.failed() && activity.type() == ActivityType.ACTION && !ctx.stop.isStopping()) {
                        journal.error(Phase.METHOD, "action [" + activity.name() + "] failed: " + String.join("; ", record.exception()));
                        outcome = Outcome.ERROR;
                        break;
                    }
                }
                for (Future<RunRecord> future : background) {
                    journal.method.add(awaitBackground(future));
                }
            } finally {
                if (during != null) {
                    during.stop();
                }
            }
            journal.phases.add(new RunJournal.PhaseEntry(Phase.METHOD, start, ctx.clock.instant(),
                    ctx.stop.isStopping() ? "interrupted" : outcome == null ? "succeeded" : "failed"));
            return outcome;
        }

        private RunRecord awaitBackground(Future<RunRecord> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for background activities");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                throw new IllegalStateException("a background activity crashed: " + e.getMessage());
            }
        }

        private Duration frequency() {
            if (ctx.options.hypothesisFrequency() != null) {
                return ctx.options.hypothesisFrequency();
            }
            Double seconds = ctx.experiment.runtime().frequencySeconds();
            return seconds == null ? Duration.ofSeconds(1) : Duration.ofMillis((long) (seconds * 1000));
        }

        private SteadyState timed(Phase phase, java.util.function.Supplier<SteadyState> body) {
            Instant start = ctx.clock.instant();
            ctx.listener.phaseStarted(phase);
            SteadyState state = body.get();
            String status = state.met() == null ? (ctx.stop.isStopping() ? "interrupted" : "skipped")
                    : state.met() ? "succeeded" : "failed";
            journal.phases.add(new RunJournal.PhaseEntry(phase, start, ctx.clock.instant(), status));
            return state;
        }
    }
}
