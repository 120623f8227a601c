package dev.faultline.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The activity a run record copies from the experiment: its name and type, the provider that ran
 * it and, for hypothesis probes, the tolerance. {@link #raw()} keeps the declaration as journaled.
 */
public record ActivityInfo(String name, String type, JsonNode provider, JsonNode tolerance, boolean background,
        JsonNode raw) {

    public ActivityInfo {
        name = name == null || name.isBlank() ? "(unnamed)" : name;
        type = type == null ? "activity" : type;
        provider = provider == null ? MissingNode.getInstance() : provider;
        tolerance = tolerance == null ? MissingNode.getInstance() : tolerance;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActivityInfo of(JsonNode node) {
        return new ActivityInfo(ExperimentInfo.text(node, "name"), ExperimentInfo.text(node, "type"),
                node.path("provider"), node.path("tolerance"), node.path("background").asBoolean(false), node);
    }

    /** One line naming what ran, e.g. {@code python chaosk8s.pod.actions.terminate_pods} or {@code http GET <url>}. */
    public String providerSummary() {
        String kind = ExperimentInfo.text(provider, "type");
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case "python" -> join(kind, ExperimentInfo.text(provider, "module"), ExperimentInfo.text(provider, "func"));
            case "http" -> kind + " " + orEmpty(ExperimentInfo.text(provider, "method"), "GET") + " "
                    + orEmpty(ExperimentInfo.text(provider, "url"), "");
            case "process" -> kind + " " + orEmpty(ExperimentInfo.text(provider, "path"), "");
            default -> join(kind, ExperimentInfo.text(provider, "module"), ExperimentInfo.text(provider, "func"));
        };
    }

    private static String join(String kind, String module, String func) {
        if (module == null && func == null) {
            return kind;
        }
        return kind + " " + (module == null ? "" : module + ".") + orEmpty(func, "");
    }

    private static String orEmpty(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
