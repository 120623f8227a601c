package dev.faultline.driver.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The run lock kept in the cluster: one {@code coordination.k8s.io/v1} Lease per set of fault
 * targets, so two Faultline runs never inject into the same targets at once. A lease held by
 * someone else is respected until {@code renewTime + leaseDurationSeconds}; after that it may be
 * taken over (its holder crashed). Acquiring again with the same holder renews. Writes use the
 * lease's resourceVersion, so of two runs racing for a free lock exactly one wins.
 *
 * <p>RBAC: {@code get}, {@code create}, {@code update} and {@code delete} on {@code leases} in the
 * lock namespace.
 */
public final class RunLease {

    public static final String TARGETS_ANNOTATION = "faultline.dev/targets";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;

    public RunLease(KubernetesClient client, String namespace, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code faultline-run-} and a digest of the sorted, distinct targets: the same set, the same lease. */
    public static String leaseName(Collection<String> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("a run lock needs at least one target");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", new TreeSet<>(targets)).getBytes(StandardCharsets.UTF_8));
            return "faultline-run-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Takes the lock for {@code holder}, renews it when {@code holder} has it, or says who does. */
    public LeaseDecision acquire(Collection<String> targets, String holder, Duration duration) {
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a run lock needs a holder identity, but it was [" + holder + "]");
        }
        if (duration.toSeconds() < 1) {
            throw new IllegalArgumentException("a run lock lasts at least 1 s, but [" + duration + "] was asked");
        }
        String name = leaseName(targets);
        Resource<Lease> resource = client.leases().inNamespace(namespace).withName(name);
        Instant now = clock.instant();
        Lease existing = resource.get();
        if (existing == null) {
            try {
                client.leases().inNamespace(namespace).resource(fresh(name, targets, holder, duration, now)).create();
                return LeaseDecision.acquired(namespace, name, holder, now.plus(duration));
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                existing = resource.get();
                if (existing == null) {
                    return LeaseDecision.refused(namespace, name, null, null, "run lock [" + namespace + "/" + name
                            + "] was created and removed by another run while this one tried to take it; retry");
                }
            }
        }
        String current = existing.getSpec() == null ? null : existing.getSpec().getHolderIdentity();
        Instant expires = expires(existing);
        boolean free = current == null || current.isBlank() || !expires.isAfter(now);
        if (!holder.equals(current) && !free) {
            return LeaseDecision.refused(namespace, name, current, expires, "another Faultline run [" + current
                    + "] holds the lock [" + namespace + "/" + name + "] on the same targets until [" + expires
                    + "]; wait for it to finish, or for the lease to expire if it crashed");
        }
        try {
            client.leases().inNamespace(namespace).resource(taken(existing, holder, duration, now)).update();
            return LeaseDecision.acquired(namespace, name, holder, now.plus(duration));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            Lease winner = resource.get();
            String other = winner == null || winner.getSpec() == null ? null : winner.getSpec().getHolderIdentity();
            return LeaseDecision.refused(namespace, name, other, winner == null ? null : expires(winner),
                    "another Faultline run [" + other + "] took the lock [" + namespace + "/" + name
                            + "] on the same targets a moment ago");
        }
    }

    /** Gives the lock up if {@code holder} has it; returns whether a lease was removed. */
    public boolean release(Collection<String> targets, String holder) {
        String name = leaseName(targets);
        Resource<Lease> resource = client.leases().inNamespace(namespace).withName(name);
        Lease existing = resource.get();
        if (existing == null || existing.getSpec() == null || !holder.equals(existing.getSpec().getHolderIdentity())) {
            return false;
        }
        return !resource.lockResourceVersion(existing.getMetadata().getResourceVersion()).delete().isEmpty();
    }

    private static Lease fresh(String name, Collection<String> targets, String holder, Duration duration, Instant now) {
        ZonedDateTime at = ZonedDateTime.ofInstant(now, ZoneOffset.UTC);
        return new LeaseBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(MANAGED_BY, "faultline")
                .addToAnnotations(TARGETS_ANNOTATION, String.join("\n", new TreeSet<>(targets)))
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(holder)
                .withLeaseDurationSeconds((int) duration.toSeconds())
                .withAcquireTime(at)
                .withRenewTime(at)
                .withLeaseTransitions(0)
                .endSpec()
                .build();
    }

    private static Lease taken(Lease existing, String holder, Duration duration, Instant now) {
        ZonedDateTime at = ZonedDateTime.ofInstant(now, ZoneOffset.UTC);
        boolean renewal = holder.equals(existing.getSpec() == null ? null : existing.getSpec().getHolderIdentity());
        int transitions = existing.getSpec() == null || existing.getSpec().getLeaseTransitions() == null ? 0
                : existing.getSpec().getLeaseTransitions();
        return new LeaseBuilder(existing)
                .editOrNewSpec()
                .withHolderIdentity(holder)
                .withLeaseDurationSeconds((int) duration.toSeconds())
                .withAcquireTime(renewal && existing.getSpec().getAcquireTime() != null
                        ? existing.getSpec().getAcquireTime() : at)
                .withRenewTime(at)
                .withLeaseTransitions(renewal ? transitions : transitions + 1)
                .endSpec()
                .build();
    }

    private static Instant expires(Lease lease) {
        if (lease.getSpec() == null) {
            return Instant.EPOCH;
        }
        ZonedDateTime last = lease.getSpec().getRenewTime() != null ? lease.getSpec().getRenewTime()
                : lease.getSpec().getAcquireTime();
        Integer seconds = lease.getSpec().getLeaseDurationSeconds();
        if (last == null || seconds == null) {
            return Instant.EPOCH;
        }
        return last.toInstant().plusSeconds(seconds);
    }
}
