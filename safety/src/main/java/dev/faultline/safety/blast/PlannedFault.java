package dev.faultline.safety.blast;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fault an experiment is about to inject, described without reference to any driver API, so the
 * blast-radius policy can judge it before anything happens.
 *
 * @param activity the activity that injects it, for messages (may be empty)
 * @param driver e.g. {@code kubernetes}, {@code toxiproxy}
 * @param kind e.g. {@code pod-kill}, {@code latency}
 * @param target stable identity of what is touched
 * @param namespace Kubernetes namespace, {@code null} outside Kubernetes
 * @param selected the objects that would be touched
 * @param eligible how many objects matched the selector before picking {@code selected}
 * @param reversible whether the engine can undo it
 * @param expectedDuration how long it is expected to stay in place, {@code null} when unknown
 */
public record PlannedFault(String activity, String driver, String kind, String target, String namespace,
                           List<TargetObject> selected, int eligible, boolean reversible, Duration expectedDuration) {

    /** One object that would be touched. */
    public record TargetObject(String namespace, String name, Map<String, String> labels) {
        public TargetObject {
            Objects.requireNonNull(name, "name");
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public PlannedFault {
        activity = activity == null ? "" : activity;
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        selected = selected == null ? List.of() : List.copyOf(selected);
        if (eligible < selected.size()) {
            eligible = selected.size();
        }
    }

    /** The activity and kind, for messages: {@code action [kill-pods] (pod-kill)}. */
    String describe() {
        return (activity.isEmpty() ? "fault" : "action [" + activity + "]") + " (" + driver + " " + kind + ")";
    }
}
