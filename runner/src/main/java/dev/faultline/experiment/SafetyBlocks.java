package dev.faultline.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.safety.spec.SafetySpec;
import dev.faultline.safety.spec.SafetySpecParser;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code safety} block a run is guarded by: the experiment's own, over a game day's, merged by
 * top-level key (the keys the experiment sets replace the game day's; docs/gamedays.md).
 */
public final class SafetyBlocks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetyBlocks() {
    }

    /** The merged block, or {@code null} when neither has one. */
    public static JsonNode effective(JsonNode experiment, SafetyContext shared) {
        JsonNode inherited = shared == null ? null : shared.block();
        if (inherited == null || inherited.isNull()) {
            return experiment;
        }
        if (experiment == null || experiment.isNull()) {
            return inherited;
        }
        ObjectNode merged = ((ObjectNode) inherited).deepCopy();
        experiment.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    /** The block with {@code ${name}} references replaced by configuration values (URLs of the system under test, say). */
    public static JsonNode substituted(JsonNode block, Map<String, Object> configuration) {
        if (block == null) {
            return null;
        }
        return JSON.valueToTree(Substitution.of(configuration, Map.of()).apply(JSON.convertValue(block, Object.class)));
    }

    /** @throws dev.faultline.safety.config.SafetyConfigException with the file, the field and the fix */
    public static SafetySpec parse(JsonNode block, String source) {
        return block == null ? SafetySpec.defaults() : SafetySpecParser.parse(block, source);
    }

    /** Where relative {@code slos[].file} paths start: the file that supplied {@code slos}. */
    public static Path baseDir(Experiment experiment, SafetyContext shared) {
        boolean inheritedSlos = shared != null && shared.block() != null && shared.block().has("slos")
                && (experiment.safety() == null || !experiment.safety().has("slos"));
        if (inheritedSlos && shared.baseDir() != null) {
            return shared.baseDir();
        }
        Path source = experiment.source();
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
