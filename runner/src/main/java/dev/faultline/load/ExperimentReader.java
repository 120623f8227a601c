package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ConfigValue;
import dev.faultline.experiment.Control;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Hypothesis;
import dev.faultline.experiment.RuntimeStrategies;
import dev.faultline.experiment.SecretValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed document into an {@link Experiment}, recording every problem instead of stopping
 * at the first. Returns {@code null} when the document is too broken to build one.
 */
final class ExperimentReader {

    private static final Set<String> KNOWN_KEYS = Set.of(
            "version", "title", "description", "tags", "contributions", "configuration", "secrets",
            "steady-state-hypothesis", "method", "rollbacks", "controls", "extensions", "runtime", "safety",
            "dry", "$schema");
    private static final Set<String> CONTRIBUTION_LEVELS = Set.of("high", "medium", "low", "none");

    private final SourceDocument document;
    private final Problems problems;
    private final ActivityReader activities;
    private final ConfigurationReader configurationReader;

    ExperimentReader(SourceDocument document, Problems problems, ActivityReader activities, ProviderReader providers) {
        this.document = document;
        this.problems = problems;
        this.activities = activities;
        this.configurationReader = new ConfigurationReader(problems, providers);
    }

    Experiment read() {
        JsonNode root = document.root();
        if (!root.isObject()) {
            problems.error("", "an experiment must be a mapping at the top level, but this file holds " + Nodes.kind(root),
                    "start the file with `title:`, `description:` and `method:`");
            return null;
        }
        warnUnknownKeys(root);
        String title = requiredText(root, "title", "add a one-line `title` saying what the experiment checks");
        String description = requiredText(root, "description",
                "add a `description` saying why this experiment exists (Chaos Toolkit requires it too)");
        List<String> tags = readTags(root.get("tags"));
        Map<String, String> contributions = readContributions(root.get("contributions"));
        Map<String, ConfigValue> configuration = configurationReader.configuration(root.get("configuration"));
        Map<String, Map<String, SecretValue>> secrets = configurationReader.secrets(root.get("secrets"));
        readExtensions(root.get("extensions"));
        List<Control> controls = ControlReader.read(root.get("controls"), "/controls", problems, activities);
        RuntimeStrategies runtime = RuntimeReader.read(root.get("runtime"), problems);

        Hypothesis hypothesis = readHypothesis(root.get("steady-state-hypothesis"));
        JsonNode methodNode = root.get("method");
        List<Activity> method = List.of();
        if (methodNode == null) {
            problems.error("", "the experiment has no `method`",
                    "add `method: []` to only check the steady state, or list the actions to run");
        } else {
            method = activities.list(methodNode, "/method", ActivityReader.Place.METHOD);
        }
        List<Activity> rollbacks = activities.list(root.get("rollbacks"), "/rollbacks", ActivityReader.Place.ROLLBACKS);

        JsonNode safety = root.get("safety");
        if (safety != null && !safety.isObject() && !safety.isNull()) {
            problems.error("/safety", "`safety` must be a mapping, but is " + Nodes.kind(safety), "see docs/safety.md");
            safety = null;
        }
        if (title == null || description == null) {
            title = title == null ? "" : title;
            description = description == null ? "" : description;
        }
        Experiment experiment = new Experiment(document.file(), root, title, description, tags, contributions,
                configuration, secrets, hypothesis, method, rollbacks, controls, runtime,
                safety == null || safety.isNull() ? null : safety);
        return new RefResolver(problems).resolve(experiment);
    }

    private void warnUnknownKeys(JsonNode root) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!KNOWN_KEYS.contains(name)) {
                problems.warning(Pointers.child("", name), "unknown top-level key [" + name + "] is ignored",
                        "check the spelling; known keys: title, description, tags, configuration, secrets, "
                                + "steady-state-hypothesis, method, rollbacks, controls, runtime, safety");
            }
        }
    }

    private String requiredText(JsonNode root, String field, String hint) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            problems.error(node == null ? "" : "/" + field, "the experiment has no `" + field + "`", hint);
            return null;
        }
        if (!node.isTextual()) {
            problems.error("/" + field, "`" + field + "` must be a string, but is " + Nodes.kind(node), hint);
            return null;
        }
        return node.textValue();
    }

    private List<String> readTags(JsonNode node) {
        List<String> tags = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isArray()) {
            problems.error("/tags", "`tags` must be a list of strings, but is " + Nodes.kind(node), "write `tags: [kubernetes, latency]`");
            return tags;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isTextual() || tag.textValue().isEmpty()) {
                problems.error("/tags/" + i, "a tag must be a non-empty string, but is " + Nodes.kind(tag), "quote it or remove it");
            } else {
                tags.add(tag.textValue());
            }
        }
        return tags;
    }

    private Map<String, String> readContributions(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.error("/contributions", "`contributions` must be a mapping of name to high|medium|low|none",
                    "write `contributions: {reliability: high}`");
            return out;
        }
        node.fields().forEachRemaining(entry -> {
            String level = entry.getValue().asText();
            if (!CONTRIBUTION_LEVELS.contains(level)) {
                problems.error(Pointers.child("/contributions", entry.getKey()),
                        "contribution [" + entry.getKey() + "] has level [" + level + "]", "use high, medium, low or none");
            } else {
                out.put(entry.getKey(), level);
            }
        });
        return out;
    }

    private void readExtensions(JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            problems.error("/extensions", "`extensions` must be a list, but is " + Nodes.kind(node), "write `extensions: [{name: ...}]`");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode extension = node.get(i);
            if (!extension.isObject() || !extension.hasNonNull("name")) {
                problems.error("/extensions/" + i, "an extension needs a `name`", "add `name:` to the extension");
            }
        }
    }

    private Hypothesis readHypothesis(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String at = "/steady-state-hypothesis";
        if (!node.isObject()) {
            problems.error(at, "`steady-state-hypothesis` must be a mapping with `title` and `probes`", null);
            return null;
        }
        JsonNode title = node.get("title");
        if (title == null || !title.isTextual() || title.textValue().isBlank()) {
            problems.error(at, "the steady-state hypothesis has no `title`", "add a `title` saying what normal looks like");
        }
        List<Activity> probes = activities.list(node.get("probes"), at + "/probes", ActivityReader.Place.HYPOTHESIS);
        return new Hypothesis(title != null && title.isTextual() ? title.textValue() : "", probes);
    }
}
