package dev.faultline.engine;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ActivityType;
import dev.faultline.ledger.FaultLedger;
import dev.faultline.ledger.LedgerEntry;
import dev.faultline.ledger.LedgerRollback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that happens before the first probe: configuration and secrets are resolved, every
 * action says what it would touch, open faults of earlier runs are looked for, and the safety hook
 * gets its say. Any "no" here means nothing is injected.
 */
final class Preflight {

    private final RunContext ctx;
    private final RunJournal journal;
    private final ActivityRunner activities;
    private final FaultLedger ledger;

    Preflight(RunContext ctx, RunJournal journal, ActivityRunner activities, FaultLedger ledger) {
        this.ctx = ctx;
        this.journal = journal;
        this.activities = activities;
        this.ledger = ledger;
    }

    /** Resolves configuration and secrets; returns {@link Outcome#ERROR} when that fails. */
    Outcome configure() {
        Instant start = ctx.clock.instant();
        ctx.listener.phaseStarted(Phase.CONFIGURATION);
        Map<String, String> overrides = ctx.options.environmentOverrides();
        ConfigurationResolver resolver = new ConfigurationResolver(name -> overrides.containsKey(name) ? overrides.get(name) : System.getenv(name));
        try {
            Map<String, Map<String, Object>> secrets = resolver.secrets(ctx.experiment, ctx.options.secretOverrides());
            ctx.resolved(Map.of(), secrets);
            Map<String, Object> configuration = resolver.configuration(ctx.experiment, ctx.options.configurationOverrides(),
                    (name, provider, soFar) -> {
                        ctx.resolved(soFar, secrets);
                        return activities.callDirect(provider, Map.of());
                    });
            ctx.resolved(configuration, secrets);
        } catch (Exception e) {
            journal.error(Phase.CONFIGURATION, ActivityRunner.describe(e).get(0));
            journal.phases.add(new RunJournal.PhaseEntry(Phase.CONFIGURATION, start, ctx.clock.instant(), "failed"));
            return Outcome.ERROR;
        }
        journal.phases.add(new RunJournal.PhaseEntry(Phase.CONFIGURATION, start, ctx.clock.instant(), "succeeded"));
        return null;
    }

    /** Plans actions and asks the ledger and the safety hook; returns an outcome when the run must not start. */
    Outcome check(SafetyHook safety) {
        Instant start = ctx.clock.instant();
        ctx.listener.phaseStarted(Phase.PREFLIGHT);
        List<SafetyHook.Refusal> refusals = new ArrayList<>();
        try {
            if (ctx.options.dry() == null || ctx.options.dry() == DryRun.PAUSE || ctx.options.dry() == DryRun.PROBES) {
                journal.planned.addAll(plan());
            }
            refusals.addAll(openFaults());
            refusals.addAll(safety.preflight(journal.planned));
            if (refusals.isEmpty() && ClusterLock.wanted(ctx.configuration())) {
                var driver = ctx.registry.driver("kubernetes");
                if (driver.isPresent()) {
                    Map<String, Object> secrets = new java.util.LinkedHashMap<>();
                    ctx.secrets().values().forEach(secrets::putAll);
                    ClusterLock.Result lock = ClusterLock.acquire(journal.planned, driver.get(), ctx.configuration(), secrets,
                            "faultline-" + ctx.runId, ctx.options.callTimeout());
                    if (lock.refusal() != null) {
                        refusals.add(lock.refusal());
                    }
                    if (lock.lock() != null) {
                        ctx.onEnd(lock.lock()::release);
                    }
                }
            }
        } catch (Exception e) {
            journal.error(Phase.PREFLIGHT, ActivityRunner.describe(e).get(0));
            journal.phases.add(new RunJournal.PhaseEntry(Phase.PREFLIGHT, start, ctx.clock.instant(), "failed"));
            return Outcome.ERROR;
        }
        journal.refusals = List.copyOf(refusals);
        journal.phases.add(new RunJournal.PhaseEntry(Phase.PREFLIGHT, start, ctx.clock.instant(), refusals.isEmpty() ? "succeeded" : "failed"));
        return refusals.isEmpty() ? null : Outcome.REFUSED;
    }

    List<PlannedAction> plan() throws Exception {
        List<PlannedAction> targets = new ArrayList<>();
        List<Activity> actions = new ArrayList<>(ctx.experiment.method());
        actions.addAll(ctx.experiment.rollbacks());
        for (Activity activity : actions) {
            if (activity.type() != ActivityType.ACTION) {
                continue;
            }
            DriverRegistry.Entry entry = ctx.registry.function(activity.provider().function()).orElse(null);
            if (entry != null && entry.function() instanceof Plannable plannable) {
                try {
                    for (PlannedTarget target : plannable.plan(activities.invocationFor(activity))) {
                        targets.add(new PlannedAction(activity.name(), target));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot plan action [" + activity.name() + "]: "
                            + ActivityRunner.describe(e).get(0), e);
                }
            }
        }
        return targets;
    }

    /** Faults left open by earlier runs on the targets this run touches. */
    private List<SafetyHook.Refusal> openFaults() {
        List<LedgerEntry> open = ledger.open();
        if (open.isEmpty()) {
            return List.of();
        }
        Set<String> targets = journal.planned.stream().map(p -> p.target().target()).collect(Collectors.toSet());
        Set<String> drivers = ctx.experiment.allActivities().stream()
                .map(a -> ctx.registry.function(a.provider().function()).map(e -> e.driver().name()).orElse(""))
                .collect(Collectors.toSet());
        List<SafetyHook.Refusal> refusals = new ArrayList<>();
        List<LedgerEntry> mine = new ArrayList<>();
        for (LedgerEntry entry : open) {
            boolean related = targets.contains(entry.target()) || drivers.contains(entry.driver());
            if (!related) {
                continue;
            }
            boolean alive = ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (alive && entry.pid() != ProcessHandle.current().pid()) {
                refusals.add(new SafetyHook.Refusal("run-lock", "another Faultline run (pid " + entry.pid() + ") has a fault open on ["
                        + entry.target() + "]: " + entry.description()));
            } else {
                mine.add(entry);
            }
        }
        if (!mine.isEmpty() && ctx.options.rollFirst()) {
            List<String> failed = new LedgerRollback(ledger, ctx.registry, ctx.options.undoTimeout(), ctx.clock).undo(mine, "rollback-first");
            for (String failure : failed) {
                refusals.add(new SafetyHook.Refusal("open-faults", failure));
            }
        } else if (!mine.isEmpty()) {
            refusals.add(new SafetyHook.Refusal("open-faults", mine.size() + " fault(s) from an earlier run are still open on targets"
                    + " this experiment uses (first: " + mine.get(0).description() + " on [" + mine.get(0).target() + "]);"
                    + " run `faultline rollback --ledger " + ledger.file() + "` or pass --rollback-first"));
        }
        return refusals;
    }
}
