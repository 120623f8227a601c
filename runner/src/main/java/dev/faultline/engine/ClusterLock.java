package dev.faultline.engine;

import dev.faultline.driver.Driver;
import dev.faultline.driver.Settings;
import dev.faultline.driver.kubernetes.KubernetesDriver;
import dev.faultline.driver.kubernetes.LeaseDecision;
import dev.faultline.driver.kubernetes.RunLease;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The run lock of runs that touch Kubernetes from inside a cluster (or when configuration
 * {@code kubernetes_lease} is true): a {@code coordination.k8s.io} Lease named after the targets, so
 * two CronJob pods - on different nodes, where file locks cannot see each other - never fault the
 * same targets at once. Released when the run ends.
 */
final class ClusterLock {

    static final Duration DURATION = Duration.ofHours(1);

    private final RunLease lease;
    private final List<String> targets;
    private final String holder;

    private ClusterLock(RunLease lease, List<String> targets, String holder) {
        this.lease = lease;
        this.targets = targets;
        this.holder = holder;
    }

    static boolean wanted(Settings configuration) {
        Optional<String> explicit = configuration.string("kubernetes_lease");
        return explicit.map(Boolean::parseBoolean).orElseGet(() -> System.getenv("KUBERNETES_SERVICE_HOST") != null);
    }

    /**
     * Takes the lease for the Kubernetes targets of {@code actions}; returns the lock, or a refusal.
     *
     * @return {@code null} lock and no refusal when nothing Kubernetes is planned
     */
    static Result acquire(List<PlannedAction> actions, Driver driver, Settings configuration, Map<String, Object> secrets,
                          String holder, Duration timeout) throws Exception {
        TreeSet<String> targets = new TreeSet<>();
        actions.stream().filter(a -> a.target().driver().equals(driver.name())).forEach(a -> targets.add(a.target().target()));
        if (targets.isEmpty() || !(driver instanceof KubernetesDriver kubernetes)) {
            return new Result(null, null);
        }
        RunLease lease = kubernetes.runLease(configuration, secrets, timeout);
        LeaseDecision decision = lease.acquire(targets, holder, DURATION);
        if (!decision.acquired()) {
            return new Result(null, new SafetyHook.Refusal("run-lock", decision.reason()));
        }
        return new Result(new ClusterLock(lease, List.copyOf(targets), holder), null);
    }

    record Result(ClusterLock lock, SafetyHook.Refusal refusal) {
    }

    void release() {
        try {
            lease.release(targets, holder);
        } catch (RuntimeException e) {
            // An unreleased lease expires on its own after DURATION; nothing else depends on it.
        }
    }
}
