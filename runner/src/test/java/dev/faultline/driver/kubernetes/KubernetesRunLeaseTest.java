package dev.faultline.driver.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesRunLeaseTest {

    private static final List<String> TARGETS = List.of("kubernetes://api:6443/namespaces/shop/deployments/web",
            "kubernetes://api:6443/namespaces/shop/pods?selector=app=web");
    private static final Duration TTL = Duration.ofSeconds(60);

    private MockCluster cluster;
    private MutableClock clock;
    private RunLease lock;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        lock = new RunLease(cluster.client, "faultline", clock);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void acquiresAFreeLockAsALeaseNamedAfterTheTargets() {
        LeaseDecision decision = lock.acquire(TARGETS, "run-a", TTL);

        assertThat(decision.acquired()).isTrue();
        assertThat(decision.expires()).isEqualTo(Instant.parse("2025-03-01T10:01:00Z"));
        Lease lease = lease();
        assertThat(lease.getMetadata().getName()).isEqualTo(RunLease.leaseName(TARGETS)).matches("[a-z0-9-]{1,63}");
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("run-a");
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(60);
        assertThat(lease.getMetadata().getAnnotations().get(RunLease.TARGETS_ANNOTATION)).isEqualTo(String.join("\n", TARGETS));
    }

    @Test
    void refusesWhileAnotherRunHoldsIt() {
        lock.acquire(TARGETS, "run-a", TTL);
        clock.advance(Duration.ofSeconds(59));

        LeaseDecision decision = lock.acquire(List.of(TARGETS.get(1), TARGETS.get(0)), "run-b", TTL);

        assertThat(decision.acquired()).isFalse();
        assertThat(decision.holder()).isEqualTo("run-a");
        assertThat(decision.reason()).contains("another Faultline run [run-a] holds the lock")
                .contains("same targets").contains("2025-03-01T10:01:00Z");
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("run-a");
    }

    @Test
    void theHolderRenewsByAcquiringAgain() {
        lock.acquire(TARGETS, "run-a", TTL);
        clock.advance(Duration.ofSeconds(50));

        LeaseDecision renewed = lock.acquire(TARGETS, "run-a", TTL);

        assertThat(renewed.acquired()).isTrue();
        assertThat(renewed.expires()).isEqualTo(Instant.parse("2025-03-01T10:01:50Z"));
        assertThat(lease().getSpec().getLeaseTransitions()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(lock.acquire(TARGETS, "run-b", TTL).acquired()).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        lock.acquire(TARGETS, "run-a", TTL);
        clock.advance(Duration.ofSeconds(61));

        LeaseDecision decision = lock.acquire(TARGETS, "run-b", TTL);

        assertThat(decision.acquired()).isTrue();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("run-b");
        assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
    }

    @Test
    void onlyTheHolderReleases() {
        lock.acquire(TARGETS, "run-a", TTL);

        assertThat(lock.release(TARGETS, "run-b")).isFalse();
        assertThat(lease()).isNotNull();
        assertThat(lock.release(TARGETS, "run-a")).isTrue();
        assertThat(lease()).isNull();
        assertThat(lock.release(TARGETS, "run-a")).isFalse();
        assertThat(lock.acquire(TARGETS, "run-b", TTL).acquired()).isTrue();
    }

    @Test
    void differentTargetSetsDoNotConflict() {
        lock.acquire(TARGETS, "run-a", TTL);
        assertThat(lock.acquire(List.of(TARGETS.get(0)), "run-b", TTL).acquired()).isTrue();
    }

    @Test
    void leaseNameIgnoresOrderAndDuplicates() {
        assertThat(RunLease.leaseName(List.of("b", "a", "a"))).isEqualTo(RunLease.leaseName(Set.of("a", "b")))
                .isNotEqualTo(RunLease.leaseName(List.of("a")));
        assertThatThrownBy(() -> RunLease.leaseName(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lock.acquire(TARGETS, " ", TTL)).hasMessageContaining("holder");
    }

    private Lease lease() {
        return cluster.client.leases().inNamespace("faultline").withName(RunLease.leaseName(TARGETS)).get();
    }

    /** A clock tests move by hand, so expiry needs no waiting. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
