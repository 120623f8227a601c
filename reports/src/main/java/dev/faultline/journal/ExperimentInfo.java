package dev.faultline.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the journaled experiment that reports show. The experiment itself stays a JSON tree
 * ({@link #raw()}): journals copy it as loaded, and its shape is the experiment format's, not ours.
 */
public record ExperimentInfo(String title, String description, List<String> tags, String hypothesisTitle,
        JsonNode configuration, JsonNode secrets, JsonNode raw) {

    public ExperimentInfo {
        tags = Lists.copy(tags);
        configuration = configuration == null ? MissingNode.getInstance() : configuration;
        secrets = secrets == null ? MissingNode.getInstance() : secrets;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** An experiment with nothing known about it, for journals that lack the key. */
    public static ExperimentInfo empty() {
        return of(MissingNode.getInstance());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExperimentInfo of(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(tag -> {
            if (tag.isValueNode()) {
                tags.add(tag.asText());
            }
        });
        return new ExperimentInfo(text(node, "title"), text(node, "description"), tags,
                text(node.path("steady-state-hypothesis"), "title"), node.path("configuration"),
                node.path("secrets"), node);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
