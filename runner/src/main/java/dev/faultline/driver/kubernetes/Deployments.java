package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.PlannedTarget;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** Reading and patching deployments, and the replica counts probes compare. */
final class Deployments {

    private Deployments() {
    }

    static Deployment get(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    static Deployment require(KubernetesClient client, String function, String namespace, String name)
            throws ActivityFailedException {
        Deployment deployment = get(client, namespace, name);
        if (deployment == null) {
            throw new ActivityFailedException(function + ": deployment [" + name + "] was not found in namespace ["
                    + namespace + "]; check the name and namespace with `kubectl get deployments -n " + namespace + "`");
        }
        return deployment;
    }

    /**
     * The deployment named {@code name}, provided it also matches {@code labelSelector} (when
     * given), or {@code null}.
     */
    static Deployment find(KubernetesClient client, String namespace, String name, String labelSelector) {
        if (labelSelector == null || labelSelector.isBlank()) {
            return get(client, namespace, name);
        }
        return client.apps().deployments().inNamespace(namespace).withLabelSelector(labelSelector).list().getItems()
                .stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst().orElse(null);
    }

    /** Desired replicas; Kubernetes defaults a missing count to one. */
    static int desired(Deployment deployment) {
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    static int ready(Deployment deployment) {
        return deployment.getStatus() == null ? 0 : zero(deployment.getStatus().getReadyReplicas());
    }

    static int available(Deployment deployment) {
        return deployment.getStatus() == null ? 0 : zero(deployment.getStatus().getAvailableReplicas());
    }

    static int updated(Deployment deployment) {
        return deployment.getStatus() == null ? 0 : zero(deployment.getStatus().getUpdatedReplicas());
    }

    static Deployment patch(KubernetesClient client, String namespace, String name, String mergePatch) {
        return client.apps().deployments().inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    /**
     * Scales through the {@code deployments/scale} subresource, so the runner needs no write access to
     * deployments themselves (see the Role in k8s/base), and returns the deployment as read after.
     */
    static Deployment scale(KubernetesClient client, String namespace, String name, int replicas) {
        var deployment = client.apps().deployments().inNamespace(namespace).withName(name);
        deployment.scale(replicas);
        return deployment.get();
    }

    static PlannedTarget.Resource resource(Deployment deployment) {
        return new PlannedTarget.Resource(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(),
                deployment.getMetadata().getLabels());
    }

    static String path(String namespace, String name) {
        return "/namespaces/" + namespace + "/deployments/" + name;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}
