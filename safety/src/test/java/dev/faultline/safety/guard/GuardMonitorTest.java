package dev.faultline.safety.guard;

import dev.faultline.safety.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class GuardMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    /** A guard whose result the test decides. */
    static final class Scripted implements Guard {
        final String name;
        volatile Function<Instant, GuardCheck> result;
        final AtomicInteger calls = new AtomicInteger();
        volatile Instant started;

        Scripted(String name) {
            this.name = name;
            this.result = now -> GuardCheck.ok(name, now, 1, 10, "fine");
        }

        @Override
        public GuardDefinition definition() {
            return new GuardDefinition(name, "scripted", 10, "x");
        }

        @Override
        public void started(Instant at) {
            started = at;
        }

        @Override
        public GuardCheck check(Instant now) {
            calls.incrementAndGet();
            return result.apply(now);
        }
    }

    @Test
    void firstBreachIsReportedExactlyOnceAndEveryCheckIsRecorded() {
        MutableClock clock = new MutableClock(T0);
        Scripted a = new Scripted("a");
        Scripted b = new Scripted("b");
        List<Breach> breaches = new CopyOnWriteArrayList<>();
        GuardMonitor monitor = GuardMonitor.builder().clock(clock).guard(a).guard(b).listener(breaches::add).build();
        monitor.startManually();
        assertThat(a.started).isEqualTo(T0);

        monitor.evaluateRound();
        clock.advance(Duration.ofMillis(250));
        b.result = now -> GuardCheck.breach("b", now, 16.2, 14.4, "burn rate over 5m [16.2x] is above the threshold [14.4x]");
        monitor.evaluateRound();
        clock.advance(Duration.ofMillis(250));
        monitor.evaluateRound();

        assertThat(breaches).singleElement().satisfies(breach -> {
            assertThat(breach.guard()).isEqualTo("b");
            assertThat(breach.measured()).isEqualTo(16.2);
            assertThat(breach.threshold()).isEqualTo(14.4);
            assertThat(breach.reason()).isEqualTo("burn rate over 5m [16.2x] is above the threshold [14.4x]");
            assertThat(breach.detectedAt()).isEqualTo(T0.plusMillis(250));
        });
        assertThat(monitor.breach()).contains(breaches.get(0));
        assertThat(monitor.checks()).hasSize(6);
        assertThat(monitor.checks()).filteredOn(c -> c.guard().equals("b")).extracting(GuardCheck::status)
                .containsExactly(GuardCheck.Status.OK, GuardCheck.Status.BREACH, GuardCheck.Status.BREACH);
    }

    @Test
    void aGuardThatCannotMeasureBreachesAfterTheLimitOfUnknownsInARow() {
        MutableClock clock = new MutableClock(T0);
        Scripted g = new Scripted("burn-rate");
        List<Breach> breaches = new CopyOnWriteArrayList<>();
        GuardMonitor monitor = GuardMonitor.builder().clock(clock).guard(g).maxConsecutiveUnknown(3)
                .listener(breaches::add).build();
        monitor.startManually();
        g.result = now -> GuardCheck.unknown("burn-rate", now, 14.4, "Prometheus unreachable");
        monitor.evaluateRound();
        monitor.evaluateRound();
        g.result = now -> GuardCheck.ok("burn-rate", now, 1, 14.4, "fine"); // resets the count
        monitor.evaluateRound();
        g.result = now -> GuardCheck.unknown("burn-rate", now, 14.4, "Prometheus unreachable");
        monitor.evaluateRound();
        monitor.evaluateRound();
        assertThat(breaches).isEmpty();
        monitor.evaluateRound();
        assertThat(breaches).singleElement().extracting(Breach::reason)
                .isEqualTo("could not measure for [3] checks in a row (failing closed): Prometheus unreachable");
    }

    @Test
    void aThrowingGuardIsUnknownNotACrash() {
        MutableClock clock = new MutableClock(T0);
        Scripted g = new Scripted("x");
        g.result = now -> {
            throw new IllegalStateException("bug");
        };
        GuardMonitor monitor = GuardMonitor.builder().clock(clock).guard(g).maxConsecutiveUnknown(0).build();
        monitor.evaluateRound();
        assertThat(monitor.checks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(GuardCheck.Status.UNKNOWN);
            assertThat(c.reason()).isEqualTo("the check failed: IllegalStateException: bug");
        });
        assertThat(monitor.breach()).isEmpty();
    }

    @Test
    void aGuardWithItsOwnCadenceIsCheckedOnlyWhenDue() {
        MutableClock clock = new MutableClock(T0);
        Scripted every = new Scripted("every");
        Scripted slow = new Scripted("slow");
        GuardMonitor monitor = GuardMonitor.builder().clock(clock).guard(every).guard(slow, Duration.ofSeconds(1)).build();
        for (int i = 0; i < 8; i++) {
            monitor.evaluateRound();
            clock.advance(Duration.ofMillis(250));
        }
        assertThat(every.calls).hasValue(8);
        assertThat(slow.calls).hasValue(2); // at 0 ms and at 1000 ms
    }

    @Test
    void theFirstCheckHappensBeforeStartReturnsNotOnePeriodLater() throws Exception {
        Scripted g = new Scripted("g");
        CountDownLatch second = new CountDownLatch(2);
        g.result = now -> {
            second.countDown();
            return GuardCheck.ok("g", now, 1, 10, "fine");
        };
        // a long interval: if the first check waited for one period, the assertion below would fail
        GuardMonitor monitor = GuardMonitor.builder().interval(Duration.ofHours(1)).guard(g).build();
        try {
            monitor.start();
            assertThat(g.calls).hasValue(1);
            assertThat(monitor.checks()).hasSize(1);
        } finally {
            monitor.stop();
        }
        assertThat(second.getCount()).isEqualTo(1);
    }

    @Test
    void theSchedulerKeepsCheckingEveryIntervalAndABreachInTheFirstRoundIsReportedBeforeStartReturns() throws Exception {
        Scripted g = new Scripted("g");
        // six checks started means five were recorded: one guard runs on one worker, check then record
        CountDownLatch six = new CountDownLatch(6);
        g.result = now -> {
            six.countDown();
            return GuardCheck.ok("g", now, 1, 10, "fine");
        };
        GuardMonitor monitor = GuardMonitor.builder().interval(Duration.ofMillis(20)).guard(g).build();
        try {
            monitor.start();
            assertThat(six.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            monitor.stop();
        }
        List<GuardCheck> checks = monitor.checks();
        Duration span = Duration.between(checks.get(0).at(), checks.get(4).at());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(60));

        Scripted hot = new Scripted("hot");
        hot.result = now -> GuardCheck.breach("hot", now, 99, 10, "already on fire");
        List<Breach> seen = new CopyOnWriteArrayList<>();
        GuardMonitor second = GuardMonitor.builder().guard(hot).listener(seen::add).build();
        try {
            second.start();
            assertThat(seen).singleElement().extracting(Breach::reason).isEqualTo("already on fire");
        } finally {
            second.stop();
        }
    }

    @Test
    void aSlowGuardDoesNotDelayTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Scripted slow = new Scripted("slow");
        slow.result = now -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GuardCheck.ok("slow", now, 1, 10, "late");
        };
        Scripted fast = new Scripted("fast");
        CountDownLatch fastChecks = new CountDownLatch(10);
        fast.result = now -> {
            fastChecks.countDown();
            return GuardCheck.ok("fast", now, 1, 10, "fine");
        };
        GuardMonitor monitor = GuardMonitor.builder().interval(Duration.ofMillis(20)).stuckAfter(Duration.ofMillis(100))
                .maxConsecutiveUnknown(0).guard(slow).guard(fast).build();
        try {
            monitor.start();
            assertThat(fastChecks.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(slow.calls).hasValue(1);
        } finally {
            release.countDown();
            monitor.stop();
        }
        assertThat(monitor.checks()).filteredOn(c -> c.guard().equals("slow"))
                .anySatisfy(c -> assertThat(c.reason()).startsWith("check has not returned for ["));
    }
}
