package dev.faultline.safety.guard;

import dev.faultline.safety.MutableClock;
import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.sli.LatencySource;
import dev.faultline.safety.sli.SliReading;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GuardsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");
    private final ErrorBudget budget = new ErrorBudget(0.999, Duration.ofDays(30));

    @Test
    void burnRateGuardComparesTheShortWindowRateWithTheThreshold() {
        FakeSli sli = new FakeSli().rates(0.2, 100); // 0.2% errors = 2x
        BurnRateGuard guard = new BurnRateGuard(sli, budget, Duration.ofMinutes(5), null, 14.4, "storefront");
        GuardCheck ok = guard.check(T0);
        assertThat(ok.status()).isEqualTo(GuardCheck.Status.OK);
        assertThat(ok.measured()).isCloseTo(2.0, within(1e-9));
        assertThat(sli.windows).containsExactly(Duration.ofMinutes(5));

        sli.rates(1.62, 100); // 1.62% errors = 16.2x
        GuardCheck breach = guard.check(T0.plusSeconds(1));
        assertThat(breach.breached()).isTrue();
        assertThat(breach.measured()).isCloseTo(16.2, within(1e-9));
        assertThat(breach.threshold()).isEqualTo(14.4);
        assertThat(breach.reason()).isEqualTo("burn rate over 5m [16.2x] is above the threshold [14.4x] (error ratio [1.62%])");
        assertThat(guard.history()).extracting(BurnRateGuard.Point::shortRate).hasSize(2);
    }

    @Test
    void burnRateGuardWithALongWindowNeedsBothWindowsHot() {
        FakeSli sli = new FakeSli().answer((w, now) -> w.equals(Duration.ofHours(1))
                ? new SliReading(0.5, 100, true, w)   // 5x over 1h
                : new SliReading(2.0, 100, true, w)); // 20x over 5m
        BurnRateGuard guard = new BurnRateGuard(sli, budget, Duration.ofMinutes(5), Duration.ofHours(1), 14.4, "s");
        assertThat(guard.check(T0).ok()).isTrue();
        sli.answer((w, now) -> new SliReading(2.0, 100, true, w));
        assertThat(guard.check(T0).breached()).isTrue();
        assertThat(guard.history().get(1).longRate()).isCloseTo(20, within(1e-9));
    }

    @Test
    void noTrafficBurnsNothingAndAnUnreadableSliIsUnknown() {
        FakeSli sli = new FakeSli().rates(0, 0);
        BurnRateGuard guard = new BurnRateGuard(sli, budget, Duration.ofMinutes(5), null, 14.4, "s");
        assertThat(guard.check(T0).reason()).isEqualTo("no traffic over 5m");
        sli.failing("Prometheus at [http://x] is unreachable");
        GuardCheck unknown = guard.check(T0);
        assertThat(unknown.status()).isEqualTo(GuardCheck.Status.UNKNOWN);
        assertThat(unknown.ok()).isTrue();
        assertThat(unknown.reason()).contains("unreachable");
    }

    @Test
    void budgetAllotmentChargesBadEventsDuringTheRunAgainstTheWindowsBudget() {
        // 100 requests/s over the baseline: 30 d expect 259,200,000 events and allow 259,200 bad ones; 2% of that is 5,184
        FakeSli sli = new FakeSli().answer((w, now) -> w.equals(Duration.ofHours(1))
                ? new SliReading(0, 100, true, w)
                : SliReading.counts(2592, 6000, w)); // half the allotment so far
        BudgetAllotmentGuard guard = new BudgetAllotmentGuard(sli, budget, 0.02, Duration.ofHours(1), "s");
        guard.started(T0);
        GuardCheck half = guard.check(T0.plusSeconds(60));
        assertThat(half.ok()).isTrue();
        assertThat(half.measured()).isCloseTo(0.01, within(1e-9));
        assertThat(sli.windows).containsExactly(Duration.ofSeconds(60), Duration.ofHours(1));

        sli.answer((w, now) -> w.equals(Duration.ofHours(1)) ? new SliReading(0, 100, true, w) : SliReading.counts(5184, 6000, w));
        GuardCheck used = guard.check(T0.plusSeconds(61));
        assertThat(used.breached()).isTrue();
        assertThat(used.reason()).isEqualTo("budget used by this run [2%] reached the allotment [2%]");
        assertThat(guard.consumed()).isCloseTo(0.02, within(1e-9));
    }

    @Test
    void budgetAllotmentFromARatioOnlySourceUsesRateTimesElapsedOverPeriod() {
        // 14.4x for 1 h of a 30-day period spends exactly 2%
        FakeSli sli = new FakeSli().answer((w, now) -> SliReading.ratio(0.0144, w));
        BudgetAllotmentGuard guard = new BudgetAllotmentGuard(sli, budget, 0.02, Duration.ofHours(1), "s");
        guard.started(T0);
        assertThat(guard.check(T0.plus(Duration.ofMinutes(30))).measured()).isCloseTo(0.01, within(1e-9));
        assertThat(guard.check(T0.plus(Duration.ofHours(1))).breached()).isTrue();
    }

    @Test
    void aGameDayCountsTheBudgetFromItsOwnStartSoEarlierExperimentsBurnCounts() {
        FakeSli sli = new FakeSli().answer((w, now) -> SliReading.ratio(0.0144, w));
        BudgetAllotmentGuard guard = new BudgetAllotmentGuard(sli, budget, 0.02, Duration.ofHours(1), "s");
        guard.countFrom(T0);
        guard.started(T0.plus(Duration.ofMinutes(50)));
        // 50 minutes of the game day before this experiment plus 10 of its own: one hour at 14.4x is the whole 2%
        assertThat(guard.check(T0.plus(Duration.ofHours(1))).breached()).isTrue();
        assertThat(sli.windows).contains(Duration.ofHours(1));
    }

    @Test
    void healthGuardBreachesAfterNFailuresInARowWithoutEverBlocking() {
        Deque<CompletableFuture<Integer>> answers = new ArrayDeque<>();
        HealthGuard guard = new HealthGuard("http://h/health", () -> {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }, 3, Duration.ofSeconds(1));
        MutableClock clock = new MutableClock(T0);
        assertThat(guard.check(clock.instant()).reason()).isEqualTo("health endpoint answering");
        answers.getLast().complete(200);
        clock.advance(Duration.ofMillis(250));
        assertThat(guard.check(clock.instant()).measured()).isEqualTo(0);

        answers.getLast().complete(503);
        clock.advance(Duration.ofMillis(250));
        assertThat(guard.check(clock.instant()).measured()).isEqualTo(1);
        answers.getLast().completeExceptionally(new ConnectException("Connection refused"));
        clock.advance(Duration.ofMillis(250));
        GuardCheck two = guard.check(clock.instant());
        assertThat(two.ok()).isTrue();
        assertThat(two.measured()).isEqualTo(2);
        // the third request hangs: after the timeout it counts as the third failure
        clock.advance(Duration.ofMillis(500));
        assertThat(guard.check(clock.instant()).ok()).isTrue();
        clock.advance(Duration.ofMillis(500));
        GuardCheck three = guard.check(clock.instant());
        assertThat(three.breached()).isTrue();
        assertThat(three.reason()).isEqualTo("health endpoint failed [3] times in a row (limit [3]), last: no answer within [1000 ms]");
        assertThat(answers).hasSize(5); // one request in flight at a time

        answers.getLast().complete(204);
        clock.advance(Duration.ofMillis(250));
        assertThat(guard.check(clock.instant()).status()).isEqualTo(GuardCheck.Status.OK);
    }

    @Test
    void latencyGuardComparesThePercentileWithTheSlo() {
        double[] p95 = {120};
        LatencySource source = new LatencySource() {
            @Override
            public String describe() {
                return "fake";
            }

            @Override
            public OptionalDouble percentileMs(double percentile, Duration window, Instant now) {
                assertThat(percentile).isEqualTo(95);
                assertThat(window).isEqualTo(Duration.ofSeconds(30));
                return p95[0] < 0 ? OptionalDouble.empty() : OptionalDouble.of(p95[0]);
            }
        };
        ThresholdGuard guard = ThresholdGuard.latency(source, 95, 300, Duration.ofSeconds(30));
        assertThat(guard.name()).isEqualTo("latency");
        assertThat(guard.check(T0).ok()).isTrue();
        p95[0] = 300;
        assertThat(guard.check(T0).ok()).isTrue();
        p95[0] = 412;
        GuardCheck slow = guard.check(T0);
        assertThat(slow.breached()).isTrue();
        assertThat(slow.reason()).isEqualTo("p95 latency over 30s [412 ms] misses the objective <= [300 ms]");
        p95[0] = -1;
        assertThat(guard.check(T0).reason()).isEqualTo("nothing to measure for p95 latency over 30s");
    }

    @Test
    void maxDurationGuardBreachesOnceTheRunHasLastedTheMaximum() {
        MaxDurationGuard guard = new MaxDurationGuard(Duration.ofMinutes(10));
        guard.started(T0);
        assertThat(guard.check(T0.plusSeconds(599)).ok()).isTrue();
        GuardCheck over = guard.check(T0.plusSeconds(600));
        assertThat(over.breached()).isTrue();
        assertThat(over.reason()).isEqualTo("the run has lasted [600 s], the maximum is [600 s]");
    }

    @Test
    void customGuardTreatsAFailingCheckAsABreach() {
        CustomGuard ok = new CustomGuard("safeguard:db", "db up", now -> CustomGuard.Outcome.ok("db answers"));
        assertThat(ok.check(T0).ok()).isTrue();
        CustomGuard miss = new CustomGuard("safeguard:db", "db up", now -> CustomGuard.Outcome.breach("tolerance not met"));
        assertThat(miss.check(T0).reason()).isEqualTo("tolerance not met");
        CustomGuard boom = new CustomGuard("safeguard:db", "db up", now -> {
            throw new IllegalStateException("probe exploded");
        });
        GuardCheck failed = boom.check(T0);
        assertThat(failed.breached()).isTrue();
        assertThat(failed.reason()).isEqualTo("the check failed: IllegalStateException: probe exploded");
    }
}
