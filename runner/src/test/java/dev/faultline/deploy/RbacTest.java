package dev.faultline.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The RBAC under k8s/ grants nothing beyond {@link RbacPolicy}, and nothing cluster-wide. */
class RbacTest {

    private static List<HasMetadata> all() {
        return Manifests.files().stream().flatMap(f -> Manifests.read(f).stream()).toList();
    }

    @Test
    void everyRoleAndBindingKeepsToTheAllowList() {
        List<HasMetadata> all = all();
        assertThat(Manifests.ofType(all, Role.class)).isNotEmpty();
        assertThat(Manifests.ofType(all, RoleBinding.class)).isNotEmpty();
        assertThat(RbacPolicy.violations(all)).isEmpty();
    }

    @Test
    void theRunLockIsGrantedInTheRunnersNamespaceAndPodKillsOnlyInTargets() {
        Role lock = Manifests.one(all(), Role.class, "faultline-run-lock");
        assertThat(lock.getMetadata().getNamespace()).isEqualTo(RbacPolicy.RUNNER_NAMESPACE);
        Role target = Manifests.one(all(), Role.class, "faultline-target");
        assertThat(target.getMetadata().getNamespace()).isNotEqualTo(RbacPolicy.RUNNER_NAMESPACE);
        assertThat(RbacPolicy.violations(List.of(withNamespace(target, RbacPolicy.RUNNER_NAMESPACE))))
                .as("the target Role moved into the runner's namespace").isNotEmpty();
        assertThat(RbacPolicy.violations(List.of(withNamespace(lock, "staging"))))
                .as("the lock Role moved into a target namespace").isNotEmpty();
    }

    @Test
    void thePolicyRefusesWiderGrants() {
        List<HasMetadata> wider = Manifests.parse("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: wide, namespace: staging}
                rules:
                  - {apiGroups: [""], resources: [pods], verbs: [get, list, watch, delete, create]}
                  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
                  - {apiGroups: [apps], resources: [deployments], verbs: ["*"]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: everything}
                rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: edit, namespace: staging}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
                subjects: [{kind: ServiceAccount, name: default, namespace: staging}]
                """);
        assertThat(RbacPolicy.violations(wider)).containsExactlyInAnyOrder(
                "Role staging/wide: [create] on [/pods] is not in the allow-list for a target namespace",
                "Role staging/wide: [create] on [/pods/exec] is not in the allow-list for a target namespace",
                "Role staging/wide: [*] on [apps/deployments] is not in the allow-list for a target namespace",
                "ClusterRole null/everything: cluster-wide RBAC is not allowed",
                "RoleBinding staging/edit: binds a [ClusterRole]; only namespaced Roles may be bound",
                "RoleBinding staging/edit: subject [ServiceAccount staging/default] is not the runner's service account");
    }

    private static Role withNamespace(Role role, String namespace) {
        return new RoleBuilder(role).editMetadata().withNamespace(namespace).endMetadata().build();
    }
}
