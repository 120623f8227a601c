package dev.faultline.driver;

import java.util.List;
import java.util.Map;

/**
 * What one action would touch.
 *
 * @param driver the driver, e.g. {@code kubernetes}
 * @param kind the fault kind, e.g. {@code pod-kill}, {@code scale}, {@code latency}, {@code assault}
 * @param target stable identity, as in {@link FaultPlan#target()}
 * @param namespace Kubernetes namespace, or {@code null} outside Kubernetes
 * @param selected the objects that would be hit
 * @param eligible how many objects matched the selector before {@code qty}/{@code mode} picked
 *     {@code selected} (equal to {@code selected.size()} when nothing is picked)
 * @param reversible whether the engine can undo it
 * @param description one sentence for plans and reports
 */
public record PlannedTarget(String driver, String kind, String target, String namespace,
                            List<Resource> selected, int eligible, boolean reversible, String description) {

    /** One object that would be touched. */
    public record Resource(String namespace, String name, Map<String, String> labels) {
        public Resource {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public PlannedTarget {
        selected = List.copyOf(selected);
    }
}
