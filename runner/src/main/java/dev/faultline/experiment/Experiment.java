package dev.faultline.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated experiment: the Chaos Toolkit format plus Faultline's {@code safety} block.
 * {@code ref} activities are already resolved; {@code ${var}} references are not (they are
 * substituted when each activity runs, as Chaos Toolkit does).
 *
 * @param source the file it came from
 * @param document the experiment as written, for the journal's {@code experiment} copy
 * @param hypothesis the steady-state hypothesis, or {@code null} when none is declared
 * @param safety the raw {@code safety} block, or {@code null}
 */
public record Experiment(
        Path source,
        JsonNode document,
        String title,
        String description,
        List<String> tags,
        Map<String, String> contributions,
        Map<String, ConfigValue> configuration,
        Map<String, Map<String, SecretValue>> secrets,
        Hypothesis hypothesis,
        List<Activity> method,
        List<Activity> rollbacks,
        List<Control> controls,
        RuntimeStrategies runtime,
        JsonNode safety) {

    public Experiment {
        tags = List.copyOf(tags);
        contributions = Map.copyOf(contributions);
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
        method = List.copyOf(method);
        rollbacks = List.copyOf(rollbacks);
        controls = List.copyOf(controls);
    }

    /** Every activity in the experiment: hypothesis probes, method and rollbacks. */
    public List<Activity> allActivities() {
        java.util.ArrayList<Activity> all = new java.util.ArrayList<>();
        if (hypothesis != null) {
            all.addAll(hypothesis.probes());
        }
        all.addAll(method);
        all.addAll(rollbacks);
        return all;
    }
}
