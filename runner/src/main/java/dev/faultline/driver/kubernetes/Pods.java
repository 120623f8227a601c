package dev.faultline.driver.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading pods: listing by selector and the few facts probes and kills look at. */
final class Pods {

    private Pods() {
    }

    /** Pods of {@code namespace} matching {@code labelSelector}, or all of them when it is {@code null}. */
    static List<Pod> list(KubernetesClient client, String namespace, String labelSelector) {
        var pods = client.pods().inNamespace(namespace);
        if (labelSelector == null || labelSelector.isBlank()) {
            return pods.list().getItems();
        }
        return pods.withLabelSelector(labelSelector).list().getItems();
    }

    static PodRef ref(Pod pod) {
        var meta = pod.getMetadata();
        return new PodRef(meta.getNamespace(), meta.getName(), meta.getUid(), meta.getLabels(),
                instant(meta.getCreationTimestamp()));
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    static List<PodCondition> conditions(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return List.of();
        }
        return pod.getStatus().getConditions();
    }

    /** Ready as the kubelet reports it, and not on its way out. */
    static boolean ready(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        return conditions(pod).stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).toList();
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
