package dev.faultline.driver.kubernetes;

import dev.faultline.driver.PlannedTarget;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a pod that selection and evidence need, so picking pods can be decided (and
 * tested) without a cluster.
 *
 * @param created creation time, {@link Instant#EPOCH} when the server did not say
 */
record PodRef(String namespace, String name, String uid, Map<String, String> labels, Instant created) {

    PodRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        created = created == null ? Instant.EPOCH : created;
    }

    PlannedTarget.Resource resource() {
        return new PlannedTarget.Resource(namespace, name, labels);
    }
}
