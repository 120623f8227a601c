package dev.faultline.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the steady-state hypothesis over and over while the method runs (the {@code continuously}
 * and {@code during-method-only} strategies), pausing {@code frequency} between runs. A deviation
 * marks the run deviated; with {@code --fail-fast} it also stops the run at once.
 */
final class DuringHypothesis {

    private static final long GRACE_MILLIS = 10_000;

    private final ExecutorService thread;
    private final CountDownLatch done = new CountDownLatch(1);

    private DuringHypothesis() {
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "faultline-during-hypothesis");
            t.setDaemon(true);
            return t;
        });
    }

    static DuringHypothesis start(RunContext ctx, RunJournal journal, HypothesisRunner hypotheses, Duration frequency) {
        DuringHypothesis during = new DuringHypothesis();
        during.thread.submit(() -> during.loop(ctx, journal, hypotheses, frequency));
        return during;
    }

    private void loop(RunContext ctx, RunJournal journal, HypothesisRunner hypotheses, Duration frequency) {
        while (done.getCount() > 0 && !ctx.stop.isStopping()) {
            SteadyState state = hypotheses.run(Phase.DURING_HYPOTHESIS, ctx.experiment.hypothesis());
            if ((done.getCount() == 0 || ctx.stop.isStopping()) && state.notMet()) {
                return; // cut short by the end of the method or a stop: not evidence of a deviation
            }
            journal.during.add(state);
            if (state.notMet()) {
                journal.deviated = true;
                if (ctx.options.failFast()) {
                    ctx.stop.request(StopSignal.Reason.failFast("the steady state deviated during the method (--fail-fast)",
                            ctx.clock.instant()));
                    return;
                }
            }
            try {
                long waited = 0;
                while (waited < frequency.toMillis() && !ctx.stop.isStopping()) {
                    long step = Math.min(100, frequency.toMillis() - waited);
                    if (done.await(step, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    waited += step;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Lets the current hypothesis run finish (bounded), then stops the loop. */
    void stop() {
        done.countDown();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
