package dev.faultline.engine;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Faults;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.Settings;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.Provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one activity into a {@link RunRecord}: pauses, substitution, the call on a worker thread,
 * the activity's timeout (enforced, unlike Chaos Toolkit) and interruption by the stop signal.
 * Failures become data in the record, never exceptions.
 */
final class ActivityRunner {

    private final RunContext ctx;

    ActivityRunner(RunContext ctx) {
        this.ctx = ctx;
    }

    RunRecord run(Phase phase, Activity activity) {
        return finish(execute(phase, activity, false, null));
    }

    /** Runs a probe whose record the caller completes (with its tolerance) and then hands to {@link #finish}. */
    RunRecord runProbe(Phase phase, Activity activity) {
        return execute(phase, activity, false, null);
    }

    /** Records a finished activity and tells the listener. */
    RunRecord finish(RunRecord record) {
        ctx.records.add(record);
        ctx.listener.activityFinished(record);
        return record;
    }

    /**
     * Runs a cleanup activity (a rollback): it runs even when the run is stopping, is not
     * interrupted by the stop signal, and is bounded by its own timeout or {@code cap}.
     */
    RunRecord runCleanup(Phase phase, Activity activity, Duration cap) {
        return finish(execute(phase, activity, true, cap));
    }

    private RunRecord execute(Phase phase, Activity activity, boolean cleanup, Duration cap) {
        Instant start = ctx.clock.instant();
        if (!cleanup && ctx.stop.isStopping()) {
            return record(phase, activity, null, RunRecord.Status.SKIPPED, start, List.of("not run: " + ctx.stop.reason().summary()), false, List.of());
        }
        ctx.listener.activityStarted(phase, activity, describe(activity));
        pause(activity.pauses().before(), "before", activity);
        RunRecord record;
        if (DryRun.skips(ctx.options.dry(), activity)) {
            record = record(phase, activity, null, RunRecord.Status.SKIPPED, start, List.of("dry run (--dry " + ctx.options.dry().wireName() + ")"), false, List.of());
        } else if (!cleanup && ctx.stop.isStopping()) {
            record = record(phase, activity, null, RunRecord.Status.SKIPPED, start, List.of("not run: " + ctx.stop.reason().summary()), false, List.of());
        } else {
            record = call(phase, activity, start, cleanup, cap);
        }
        if (!record.failed() && record.status() != RunRecord.Status.SKIPPED) {
            pause(activity.pauses().after(), "after", activity);
        }
        return record;
    }

    private String describe(Activity activity) {
        try {
            Object url = activity.provider().arguments().get("url");
            String text = activity.provider().describe();
            return url == null ? text : text.replace(String.valueOf(url), String.valueOf(ctx.substitution().apply(url)));
        } catch (RuntimeException e) {
            return activity.provider().describe();
        }
    }

    private RunRecord call(Phase phase, Activity activity, Instant start, boolean cleanup, Duration cap) {
        List<String> faultIds = new ArrayList<>();
        Duration timeout = activity.timeoutSeconds() == null ? cap : Duration.ofMillis((long) (activity.timeoutSeconds() * 1000));
        Future<Object> future;
        try {
            Invocation call = invocation(activity.provider(), Map.of(), timeout, ctx.faults.forActivity(activity.name(), faultIds));
            future = ctx.workers.submit(() -> invoke(activity.provider(), call));
        } catch (IllegalArgumentException e) {
            return record(phase, activity, null, RunRecord.Status.FAILED, start, List.of(e.getMessage()), false, faultIds);
        }
        if (!cleanup) {
            ctx.stop.track(future);
        }
        try {
            Object output = timeout == null ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return record(phase, activity, output, RunRecord.Status.SUCCEEDED, start, List.of(), false, faultIds);
        } catch (TimeoutException e) {
            future.cancel(true);
            return record(phase, activity, null, RunRecord.Status.FAILED, start,
                    List.of("activity timed out after " + timeout.toMillis() / 1000.0 + " s and was interrupted"), true, faultIds);
        } catch (CancellationException e) {
            String why = ctx.stop.isStopping() ? ctx.stop.reason().summary() : "cancelled";
            return record(phase, activity, null, RunRecord.Status.FAILED, start, List.of("interrupted: " + why), false, faultIds);
        } catch (ExecutionException e) {
            return record(phase, activity, null, RunRecord.Status.FAILED, start, describe(e.getCause()), false, faultIds);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return record(phase, activity, null, RunRecord.Status.FAILED, start, List.of("interrupted"), false, faultIds);
        } finally {
            ctx.stop.untrack(future);
        }
    }

    /** The invocation an action would get, for planning: it may read but must not inject. */
    Invocation invocationFor(Activity activity) {
        Faults refuse = new Faults() {
            @Override
            public void inject(dev.faultline.driver.FaultPlan plan, Apply apply, Verify verify) {
                throw new IllegalStateException("planning must not inject faults");
            }

            @Override
            public void irreversible(dev.faultline.driver.FaultPlan plan, dev.faultline.driver.Evidence evidence, Duration startedAgo) {
                throw new IllegalStateException("planning must not inject faults");
            }
        };
        Duration timeout = activity.timeoutSeconds() == null ? null : Duration.ofMillis((long) (activity.timeoutSeconds() * 1000));
        return invocation(activity.provider(), Map.of(), timeout, refuse);
    }

    /** Calls a provider directly, outside any activity (probe tolerances, configuration probes). */
    Object callDirect(Provider provider, Map<String, Object> extraArguments) throws Exception {
        Invocation call = invocation(provider, extraArguments, null, ctx.faults.forActivity("(direct)", new ArrayList<>()));
        return invoke(provider, call);
    }

    private Object invoke(Provider provider, Invocation call) throws Exception {
        DriverRegistry.Entry entry = ctx.registry.function(provider.function())
                .orElseThrow(() -> new ActivityFailedException("no function [" + provider.function() + "]"));
        return entry.function().invoke(call);
    }

    private Invocation invocation(Provider provider, Map<String, Object> extraArguments, Duration activityTimeout, Faults faults) {
        DriverRegistry.Entry entry = ctx.registry.function(provider.function())
                .orElseThrow(() -> new IllegalArgumentException("no function [" + provider.function() + "] is registered"));
        FunctionSpec spec = entry.spec();
        Map<String, Object> args = new LinkedHashMap<>();
        for (Param param : spec.params()) {
            if (param.defaultValue() != null) {
                args.put(param.name(), param.defaultValue());
            }
        }
        provider.arguments().forEach((name, value) ->
                args.put(name, provider.verbatim().contains(name) ? value : ctx.substitution().apply(value)));
        if (!extraArguments.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = args.get("arguments") instanceof Map<?, ?> m && provider.function().equals("http")
                    ? new LinkedHashMap<>((Map<String, Object>) m) : null;
            if (inner != null) {
                inner.putAll(extraArguments);
                args.put("arguments", inner);
            } else {
                args.putAll(extraArguments);
            }
        }
        Map<String, Object> secrets = new LinkedHashMap<>();
        for (String scope : provider.secretScopes()) {
            secrets.putAll(ctx.secrets().getOrDefault(scope, Map.of()));
        }
        Duration callTimeout = activityTimeout != null ? activityTimeout : ctx.options.callTimeout();
        Arguments arguments = new Arguments(spec.primaryName(), args);
        Settings configuration = ctx.configuration();
        return new Invocation() {
            @Override public FunctionSpec function() { return spec; }
            @Override public Arguments arguments() { return arguments; }
            @Override public Settings configuration() { return configuration; }
            @Override public Map<String, Object> secrets() { return secrets; }
            @Override public Duration timeout() { return callTimeout; }
            @Override public Faults faults() { return faults; }
        };
    }

    private void pause(Object seconds, String when, Activity activity) {
        if (seconds == null || DryRun.skipsPauses(ctx.options.dry()) || ctx.stop.isStopping()) {
            return;
        }
        Object value = ctx.substitution().apply(seconds);
        double s;
        try {
            s = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            ctx.listener.note("pause " + when + " [" + activity.name() + "] is not a number [" + value + "]; not pausing");
            return;
        }
        if (s <= 0) {
            return;
        }
        ctx.listener.note("pausing " + s + " s " + when + " [" + activity.name() + "]");
        try {
            ctx.stop.sleep((long) (s * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunRecord record(Phase phase, Activity activity, Object output, RunRecord.Status status, Instant start,
                             List<String> exception, boolean timedOut, List<String> faultIds) {
        List<String> ids;
        synchronized (faultIds) {
            ids = List.copyOf(faultIds);
        }
        return new RunRecord(phase, activity, output, status, start, ctx.clock.instant(), exception, null, null, timedOut, ids);
    }

    static List<String> describe(Throwable error) {
        if (error instanceof ActivityFailedException || error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            return List.of(error.getMessage());
        }
        if (error instanceof InterruptedException) {
            return List.of("interrupted");
        }
        String message = error.getMessage();
        return List.of(error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
