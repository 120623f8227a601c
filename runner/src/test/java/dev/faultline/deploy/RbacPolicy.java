package dev.faultline.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most the game-day runner may be granted, written out by hand: every RBAC object under k8s/
 * (and every one an overlay renders) must stay inside it. Widening it is a deliberate change here.
 */
final class RbacPolicy {

    static final String RUNNER_NAMESPACE = "faultline";
    static final String SERVICE_ACCOUNT = "faultline";

    /** apiGroup/resource -> verbs, in target namespaces. */
    static final Map<String, Set<String>> TARGET = Map.of(
            "/pods", Set.of("get", "list", "watch", "delete"),
            "apps/deployments", Set.of("get", "list", "watch"),
            "apps/deployments/scale", Set.of("get", "update", "patch"));

    /** apiGroup/resource -> verbs, in the runner's own namespace only (the run lock). */
    static final Map<String, Set<String>> RUNNER = Map.of(
            "coordination.k8s.io/leases", Set.of("get", "create", "update", "delete"));

    private RbacPolicy() {
    }

    /** Every way {@code resources} exceed the policy; empty when they keep to it. */
    static List<String> violations(List<HasMetadata> resources) {
        List<String> out = new ArrayList<>();
        for (HasMetadata resource : resources) {
            String where = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
            if (resource instanceof ClusterRole || resource instanceof ClusterRoleBinding) {
                out.add(where + ": cluster-wide RBAC is not allowed");
            } else if (resource instanceof Role role) {
                out.addAll(rules(where, role));
            } else if (resource instanceof RoleBinding binding) {
                out.addAll(binding(where, binding));
            }
        }
        return out;
    }

    private static List<String> rules(String where, Role role) {
        List<String> out = new ArrayList<>();
        boolean runnerNamespace = RUNNER_NAMESPACE.equals(role.getMetadata().getNamespace());
        for (PolicyRule rule : role.getRules()) {
            if (!rule.getNonResourceURLs().isEmpty()) {
                out.add(where + ": non-resource URLs " + rule.getNonResourceURLs());
            }
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    String key = group + "/" + resource;
                    Set<String> allowed = RUNNER.containsKey(key)
                            ? (runnerNamespace ? RUNNER.get(key) : Set.of())
                            : (runnerNamespace ? Set.of() : TARGET.getOrDefault(key, Set.of()));
                    for (String verb : rule.getVerbs()) {
                        if (!allowed.contains(verb)) {
                            out.add(where + ": [" + verb + "] on [" + key + "] is not in the allow-list"
                                    + (runnerNamespace ? " for the runner's namespace" : " for a target namespace"));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> binding(String where, RoleBinding binding) {
        List<String> out = new ArrayList<>();
        if (!"Role".equals(binding.getRoleRef().getKind())) {
            out.add(where + ": binds a [" + binding.getRoleRef().getKind() + "]; only namespaced Roles may be bound");
        }
        for (Subject subject : binding.getSubjects()) {
            if (!"ServiceAccount".equals(subject.getKind()) || !SERVICE_ACCOUNT.equals(subject.getName())
                    || !RUNNER_NAMESPACE.equals(subject.getNamespace())) {
                out.add(where + ": subject [" + subject.getKind() + " " + subject.getNamespace() + "/" + subject.getName()
                        + "] is not the runner's service account");
            }
        }
        return out;
    }
}
