package dev.faultline.engine;

import dev.faultline.experiment.Activity;
import dev.faultline.experiment.Hypothesis;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.Tolerance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the steady-state hypothesis: each probe, then its tolerance; stops at the first probe that
 * fails or misses its tolerance, as Chaos Toolkit does.
 */
final class HypothesisRunner {

    private final RunContext ctx;
    private final ActivityRunner activities;

    HypothesisRunner(RunContext ctx, ActivityRunner activities) {
        this.ctx = ctx;
        this.activities = activities;
    }

    SteadyState run(Phase phase, Hypothesis hypothesis) {
        Instant start = ctx.clock.instant();
        List<RunRecord> probes = new ArrayList<>();
        Boolean met = null;
        boolean incomplete = false;
        for (Activity probe : hypothesis.probes()) {
            RunRecord record = check(phase, probe);
            probes.add(record);
            if (record.toleranceMet() == null) {
                // Skipped: by a dry run (keep going) or because the run is stopping (stop here).
                incomplete = ctx.stop.isStopping();
                if (incomplete) {
                    break;
                }
                continue;
            }
            if (!record.toleranceMet()) {
                met = false;
                break;
            }
            met = true;
        }
        if (incomplete && !Boolean.FALSE.equals(met)) {
            met = null;
        }
        return new SteadyState(phase, met, probes, start, ctx.clock.instant());
    }

    /** Runs one probe and checks its tolerance. */
    RunRecord check(Phase phase, Activity probe) {
        RunRecord record = activities.runProbe(phase, probe);
        if (record.status() == RunRecord.Status.SKIPPED) {
            return activities.finish(record);
        }
        if (record.failed()) {
            return activities.finish(record.withTolerance(false, "the probe failed, so its tolerance could not be checked: "
                    + String.join("; ", record.exception())));
        }
        Tolerance.Check check = probe.tolerance().check(record.output(), toleranceContext());
        return activities.finish(record.withTolerance(check.met(), check.detail()));
    }

    /**
     * Runs a probe and checks its tolerance without journaling it as an activity (safeguards run
     * every few seconds; their checks are journaled by the guards). Bounded by the probe's timeout,
     * or by the call budget.
     */
    Tolerance.Check checkQuietly(Activity probe) throws Exception {
        long millis = probe.timeoutSeconds() != null ? (long) (probe.timeoutSeconds() * 1000) : ctx.options.callTimeout().toMillis();
        java.util.concurrent.Future<Object> future = ctx.workers.submit(() -> activities.callDirect(probe.provider(), Map.of()));
        Object output;
        try {
            output = future.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            return Tolerance.Check.notMet("probe [" + probe.name() + "] did not answer within " + millis + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            return Tolerance.Check.notMet("probe [" + probe.name() + "] failed: " + ActivityRunner.describe(e.getCause()).get(0));
        }
        Tolerance.Check check = probe.tolerance().check(output, toleranceContext());
        return new Tolerance.Check(check.met(), "probe [" + probe.name() + "]: " + check.detail());
    }

    private Tolerance.Context toleranceContext() {
        return new Tolerance.Context() {
            @Override
            public Object substitute(Object value) {
                return ctx.substitution().apply(value);
            }

            @Override
            public Object runProbe(Provider provider, Object output) throws Exception {
                Map<String, Object> value = new java.util.HashMap<>();
                value.put("value", output);
                return activities.callDirect(provider, value);
            }
        };
    }
}
