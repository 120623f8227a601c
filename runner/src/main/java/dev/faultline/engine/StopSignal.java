package dev.faultline.engine;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way to stop a run early, from any thread: a guard breach, a signal, {@code faultline
 * abort} or {@code --fail-fast}. The first request wins; it interrupts whatever activity is running
 * and wakes pauses, so the engine reaches undo at once.
 */
public final class StopSignal {

    /** Why the run is stopping. */
    public record Reason(Kind kind, String summary, String guard, Double measured, Double threshold,
                         Instant breachDetectedAt, Instant requestedAt) {

        public enum Kind { GUARD, SIGNAL, ABORT_COMMAND, FAIL_FAST }

        public static Reason signal(String name, Instant now) {
            return new Reason(Kind.SIGNAL, "received " + name, null, null, null, now, now);
        }

        public static Reason failFast(String summary, Instant now) {
            return new Reason(Kind.FAIL_FAST, summary, null, null, null, now, now);
        }

        public static Reason abortCommand(Instant now) {
            return new Reason(Kind.ABORT_COMMAND, "`faultline abort` was requested", null, null, null, now, now);
        }
    }

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private final java.util.List<java.util.function.Consumer<Reason>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Calls {@code observer} (once, from the requesting thread) when a stop is requested. */
    public void onStop(java.util.function.Consumer<Reason> observer) {
        observers.add(observer);
    }

    /** Requests a stop; returns false when another request came first. */
    public boolean request(Reason why) {
        if (!reason.compareAndSet(null, why)) {
            return false;
        }
        stopped.countDown();
        for (Future<?> future : running) {
            future.cancel(true);
        }
        observers.forEach(observer -> observer.accept(why));
        return true;
    }

    public boolean isStopping() {
        return reason.get() != null;
    }

    public Reason reason() {
        return reason.get();
    }

    /** Registers work to interrupt on stop; if a stop already happened it is cancelled at once. */
    void track(Future<?> future) {
        running.add(future);
        if (isStopping()) {
            future.cancel(true);
        }
    }

    void untrack(Future<?> future) {
        running.remove(future);
    }

    /**
     * Sleeps up to {@code millis}, returning early (true) when a stop is requested.
     */
    public boolean sleep(long millis) throws InterruptedException {
        return stopped.await(millis, TimeUnit.MILLISECONDS);
    }
}
