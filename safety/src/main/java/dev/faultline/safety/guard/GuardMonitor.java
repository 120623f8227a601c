package dev.faultline.safety.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates a set of guards every interval (250 ms by default) while an experiment runs, records
 * every check as a time series, and reports the first breach to a {@link BreachListener} exactly once.
 *
 * <p>Timing guarantees: {@link #start()} runs the first round before it returns (not one period
 * later), so a guard that is already breached stops the run before any fault is injected. Later
 * rounds are triggered by the monitor's own scheduler thread at a fixed rate; each guard runs on a
 * small worker pool, so one slow guard (a hanging health endpoint) never delays the others. A guard
 * still busy when its next round comes is skipped for that round.
 *
 * <p>Fail closed: a guard that cannot measure ({@link GuardCheck.Status#UNKNOWN}) for
 * {@code maxConsecutiveUnknown} checks in a row breaches (0 disables this).
 */
public final class GuardMonitor implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);
    public static final int DEFAULT_MAX_CONSECUTIVE_UNKNOWN = 4;
    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofSeconds(2);

    private final Duration interval;
    private final Clock clock;
    private final List<Slot> slots;
    private final int maxConsecutiveUnknown;
    private final Duration stuckAfter;
    private final BreachListener listener;
    private final GuardTimeline timeline = new GuardTimeline();
    private final AtomicReference<Breach> breach = new AtomicReference<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private ScheduledFuture<?> ticks;
    private Instant startedAt;
    private volatile boolean stopped;

    private GuardMonitor(Builder b) {
        this.interval = b.interval;
        this.clock = b.clock;
        this.slots = List.copyOf(b.slots);
        this.maxConsecutiveUnknown = b.maxConsecutiveUnknown;
        this.stuckAfter = b.stuckAfter;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells every guard the start time, runs the first round (waiting for it), then schedules the
     * following rounds every interval.
     */
    public synchronized void start() {
        if (startedAt != null) {
            throw new IllegalStateException("the guard monitor was already started");
        }
        startedAt = clock.instant();
        for (Slot slot : slots) {
            slot.guard.started(startedAt);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("faultline-guards"));
        workers = Executors.newFixedThreadPool(Math.max(1, Math.min(slots.size(), 4)), daemon("faultline-guard-check"));
        CountDownLatch first = new CountDownLatch(slots.size());
        dispatchRound(first);
        try {
            first.await(stuckAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopped) {
            long period = interval.toNanos();
            ticks = scheduler.scheduleAtFixedRate(() -> dispatchRound(null), period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops scheduling rounds; checks in progress are interrupted. Idempotent; safe from a listener. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> t;
        ExecutorService s;
        ExecutorService w;
        synchronized (this) {
            t = ticks;
            s = scheduler;
            w = workers;
        }
        if (t != null) {
            t.cancel(false);
        }
        if (s != null) {
            s.shutdownNow();
        }
        if (w != null) {
            w.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public Duration interval() {
        return interval;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public List<GuardDefinition> definitions() {
        return slots.stream().map(s -> s.guard.definition()).toList();
    }

    /** Every check recorded so far, in completion order. */
    public List<GuardCheck> checks() {
        return timeline.all();
    }

    /** The first breach, once there is one. */
    public Optional<Breach> breach() {
        return Optional.ofNullable(breach.get());
    }

    /** Runs one round synchronously on the calling thread; for tests that drive the clock themselves. */
    void evaluateRound() {
        Instant now = clock.instant();
        for (Slot slot : slots) {
            if (slot.due(now, interval)) {
                slot.lastRun = now;
                evaluate(slot);
            }
        }
    }

    /** Calls {@link Guard#started} as {@link #start()} would, without any thread; for tests. */
    void startManually() {
        startedAt = clock.instant();
        for (Slot slot : slots) {
            slot.guard.started(startedAt);
        }
    }

    private void dispatchRound(CountDownLatch done) {
        Instant now = clock.instant();
        for (Slot slot : slots) {
            if (stopped) {
                return;
            }
            if (!slot.due(now, interval)) {
                countDown(done);
                continue;
            }
            if (!slot.busy.compareAndSet(false, true)) {
                reportIfStuck(slot, now);
                countDown(done);
                continue;
            }
            slot.lastRun = now;
            slot.busySince = now;
            try {
                workers.execute(() -> {
                    try {
                        evaluate(slot);
                    } finally {
                        slot.busy.set(false);
                        countDown(done);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                slot.busy.set(false);
                countDown(done);
            }
        }
    }

    private void reportIfStuck(Slot slot, Instant now) {
        Instant since = slot.busySince;
        Instant lastReport = slot.stuckReportedAt;
        if (since != null && Duration.between(since, now).compareTo(stuckAfter) >= 0
                && (lastReport == null || Duration.between(lastReport, now).compareTo(stuckAfter) >= 0)) {
            slot.stuckReportedAt = now;
            record(slot, GuardCheck.unknown(slot.guard.name(), now, slot.guard.definition().threshold(),
                    "check has not returned for [" + Duration.between(since, now).toMillis() + " ms]"));
        }
    }

    private void evaluate(Slot slot) {
        Instant at = clock.instant();
        GuardCheck check;
        try {
            check = slot.guard.check(at);
            if (check == null) {
                check = GuardCheck.unknown(slot.guard.name(), at, slot.guard.definition().threshold(), "the guard returned no result");
            }
        } catch (RuntimeException e) {
            check = GuardCheck.unknown(slot.guard.name(), at, slot.guard.definition().threshold(),
                    "the check failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        record(slot, check);
    }

    private void record(Slot slot, GuardCheck check) {
        GuardCheck recorded = check;
        synchronized (slot) {
            if (check.status() == GuardCheck.Status.UNKNOWN) {
                slot.unknowns++;
                if (maxConsecutiveUnknown > 0 && slot.unknowns >= maxConsecutiveUnknown) {
                    recorded = GuardCheck.breach(check.guard(), check.at(), Double.NaN, check.threshold(),
                            "could not measure for [" + slot.unknowns + "] checks in a row (failing closed): " + check.reason());
                }
            } else {
                slot.unknowns = 0;
            }
        }
        timeline.add(recorded);
        if (recorded.breached()) {
            Breach first = Breach.of(recorded, clock.instant());
            if (breach.compareAndSet(null, first) && listener != null) {
                listener.onBreach(first);
            }
        }
    }

    private static void countDown(CountDownLatch latch) {
        if (latch != null) {
            latch.countDown();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One guard with its own cadence and bookkeeping. */
    private static final class Slot {
        final Guard guard;
        final Duration every;
        final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        volatile Instant lastRun;
        volatile Instant busySince;
        volatile Instant stuckReportedAt;
        int unknowns;

        Slot(Guard guard, Duration every) {
            this.guard = guard;
            this.every = every;
        }

        boolean due(Instant now, Duration interval) {
            Instant last = lastRun;
            if (last == null || every == null) {
                return true;
            }
            // half an interval of slack so a cadence of N intervals does not slip to N + 1
            return Duration.between(last, now).plus(interval.dividedBy(2)).compareTo(every) >= 0;
        }
    }

    /** Configures a {@link GuardMonitor}. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private Clock clock = Clock.systemUTC();
        private final List<Slot> slots = new ArrayList<>();
        private int maxConsecutiveUnknown = DEFAULT_MAX_CONSECUTIVE_UNKNOWN;
        private Duration stuckAfter = DEFAULT_STUCK_AFTER;
        private BreachListener listener;

        private Builder() {
        }

        public Builder interval(Duration value) {
            if (value == null || value.toMillis() < 10) {
                throw new IllegalArgumentException("guard interval must be at least 10ms, but was [" + value + "]");
            }
            this.interval = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A guard checked every interval. */
        public Builder guard(Guard guard) {
            return guard(guard, null);
        }

        /** A guard checked every {@code every} (rounded to whole intervals); {@code null}: every interval. */
        public Builder guard(Guard guard, Duration every) {
            Objects.requireNonNull(guard, "guard");
            for (Slot s : slots) {
                if (s.guard.name().equals(guard.name())) {
                    throw new IllegalArgumentException("two guards are named [" + guard.name() + "]");
                }
            }
            slots.add(new Slot(guard, every));
            return this;
        }

        public Builder guards(List<? extends Guard> guards) {
            guards.forEach(this::guard);
            return this;
        }

        /** Unknown checks in a row that count as a breach; 0 never breaches on unknowns. */
        public Builder maxConsecutiveUnknown(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConsecutiveUnknown must be 0 or more, but was [" + value + "]");
            }
            this.maxConsecutiveUnknown = value;
            return this;
        }

        /** How long a check may run before the monitor records it as unknown. */
        public Builder stuckAfter(Duration value) {
            this.stuckAfter = Objects.requireNonNull(value, "stuckAfter");
            return this;
        }

        public Builder listener(BreachListener value) {
            this.listener = value;
            return this;
        }

        public GuardMonitor build() {
            return new GuardMonitor(this);
        }
    }
}
