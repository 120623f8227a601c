package dev.faultline.safety.blast;

import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.Numbers;
import dev.faultline.safety.preflight.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Caps on what one run may touch, checked against the planned faults before anything is injected.
 * Every violation is its own deny verdict. The defaults are conservative: one pod per action, at most
 * half of a selector's pods, three faults in place at once, fifteen minutes of fault time, and never
 * the cluster's system namespaces or the runner's own.
 *
 * @param allowedNamespaces namespaces faults may target; empty allows any namespace not protected
 * @param protectedNamespaces namespaces never targeted, whatever {@code allowedNamespaces} says
 * @param maxPodsPerAction most objects one Kubernetes action may touch
 * @param maxPercentage most of a selector's eligible objects one action may touch, in percent
 * @param requiredLabel opt-in label every Kubernetes target must carry, {@code null} for none
 * @param maxConcurrentFaults most reversible faults in place at the same time (all of a run's
 *     reversible faults count, since they stay until the end-of-run undo)
 * @param maxTotalFaultTime most summed expected duration of the reversible faults
 */
public record BlastRadiusPolicy(List<String> allowedNamespaces, Set<String> protectedNamespaces, int maxPodsPerAction,
                                double maxPercentage, LabelRequirement requiredLabel, int maxConcurrentFaults,
                                Duration maxTotalFaultTime) {

    public static final String NAME = "blast-radius";
    public static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");
    public static final int DEFAULT_MAX_PODS_PER_ACTION = 1;
    public static final double DEFAULT_MAX_PERCENTAGE = 50;
    public static final int DEFAULT_MAX_CONCURRENT_FAULTS = 3;
    public static final Duration DEFAULT_MAX_TOTAL_FAULT_TIME = Duration.ofMinutes(15);

    public BlastRadiusPolicy {
        allowedNamespaces = List.copyOf(allowedNamespaces);
        Set<String> prot = new LinkedHashSet<>(SYSTEM_NAMESPACES);
        prot.addAll(protectedNamespaces);
        protectedNamespaces = Set.copyOf(prot);
        Objects.requireNonNull(maxTotalFaultTime, "maxTotalFaultTime");
        if (maxPodsPerAction < 1) {
            throw new IllegalArgumentException("max-pods-per-action must be at least 1, but was [" + maxPodsPerAction + "]");
        }
        if (!(maxPercentage > 0 && maxPercentage <= 100)) {
            throw new IllegalArgumentException("max-percentage must be above 0 and at most 100, but was [" + maxPercentage + "]");
        }
        if (maxConcurrentFaults < 1) {
            throw new IllegalArgumentException("max-concurrent-faults must be at least 1, but was [" + maxConcurrentFaults + "]");
        }
    }

    public static BlastRadiusPolicy defaults() {
        return new BlastRadiusPolicy(List.of(), Set.of(), DEFAULT_MAX_PODS_PER_ACTION, DEFAULT_MAX_PERCENTAGE, null,
                DEFAULT_MAX_CONCURRENT_FAULTS, DEFAULT_MAX_TOTAL_FAULT_TIME);
    }

    /** This policy with the runner's own namespace protected too ({@code null} or blank: unchanged). */
    public BlastRadiusPolicy protecting(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return this;
        }
        Set<String> prot = new LinkedHashSet<>(protectedNamespaces);
        prot.add(namespace);
        return new BlastRadiusPolicy(allowedNamespaces, prot, maxPodsPerAction, maxPercentage, requiredLabel,
                maxConcurrentFaults, maxTotalFaultTime);
    }

    /** One deny verdict per violation, or a single allow verdict when the plan fits. */
    public List<Verdict> evaluate(List<PlannedFault> plan) {
        List<Verdict> denials = new ArrayList<>();
        for (PlannedFault fault : plan) {
            checkNamespaces(fault, denials);
            if (fault.namespace() != null) {
                checkSize(fault, denials);
                checkLabels(fault, denials);
            }
        }
        checkTotals(plan, denials);
        if (!denials.isEmpty()) {
            return List.copyOf(denials);
        }
        int objects = plan.stream().mapToInt(f -> f.selected().size()).sum();
        return List.of(Verdict.allow(NAME, "blast radius within policy: [" + plan.size() + "] fault(s) touching ["
                + objects + "] object(s)"));
    }

    private void checkNamespaces(PlannedFault fault, List<Verdict> out) {
        Set<String> namespaces = new LinkedHashSet<>();
        if (fault.namespace() != null) {
            namespaces.add(fault.namespace());
        }
        fault.selected().stream().map(PlannedFault.TargetObject::namespace).filter(Objects::nonNull).forEach(namespaces::add);
        for (String ns : namespaces) {
            if (protectedNamespaces.contains(ns)) {
                out.add(Verdict.deny(NAME, fault.describe() + " targets namespace [" + ns
                        + "], which is always protected; target an application namespace"));
            } else if (!allowedNamespaces.isEmpty() && !allowedNamespaces.contains(ns)) {
                out.add(Verdict.deny(NAME, fault.describe() + " targets namespace [" + ns + "], which is not in the allowed namespaces "
                        + allowedNamespaces + "; add it to safety.blast-radius.allowed-namespaces or target another one"));
            }
        }
    }

    private void checkSize(PlannedFault fault, List<Verdict> out) {
        int n = fault.selected().size();
        if (n > maxPodsPerAction) {
            out.add(Verdict.deny(NAME, fault.describe() + " would touch [" + n + "] objects in [" + fault.namespace()
                    + "], above the policy maximum [" + maxPodsPerAction + "] per action; lower qty or raise max-pods-per-action"));
        }
        if (fault.eligible() > 0 && n > 0) {
            double percent = 100.0 * n / fault.eligible();
            if (percent > maxPercentage + 1e-9) {
                out.add(Verdict.deny(NAME, fault.describe() + " would touch [" + n + " of " + fault.eligible() + "] ("
                        + Numbers.format(percent) + "%) of its selector's objects, above the policy maximum ["
                        + Numbers.format(maxPercentage) + "%]; add replicas, lower qty or raise max-percentage"));
            }
        }
    }

    private void checkLabels(PlannedFault fault, List<Verdict> out) {
        if (requiredLabel == null) {
            return;
        }
        List<String> missing = fault.selected().stream().filter(o -> !requiredLabel.matches(o.labels()))
                .map(PlannedFault.TargetObject::name).toList();
        if (!missing.isEmpty()) {
            out.add(Verdict.deny(NAME, fault.describe() + " would touch " + missing + " without the opt-in label ["
                    + requiredLabel + "]; label the targets or change safety.blast-radius.require-label"));
        }
    }

    private void checkTotals(List<PlannedFault> plan, List<Verdict> out) {
        List<PlannedFault> reversible = plan.stream().filter(PlannedFault::reversible).toList();
        if (reversible.size() > maxConcurrentFaults) {
            out.add(Verdict.deny(NAME, "the run would keep [" + reversible.size() + "] faults in place at once, above the policy maximum ["
                    + maxConcurrentFaults + "]; split the experiment or raise max-concurrent-faults"));
        }
        Duration total = reversible.stream().map(PlannedFault::expectedDuration).filter(Objects::nonNull)
                .reduce(Duration.ZERO, Duration::plus);
        if (total.compareTo(maxTotalFaultTime) > 0) {
            out.add(Verdict.deny(NAME, "the planned faults add up to [" + Durations.human(total) + "] of fault time, above the policy maximum ["
                    + Durations.human(maxTotalFaultTime) + "]; shorten the pauses or raise max-total-fault-time"));
        }
    }
}
