package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.RollbackStrategy;
import dev.faultline.experiment.RuntimeStrategies;

/** Reads the {@code runtime} block: {@code hypothesis.strategy}, {@code hypothesis.frequency}, {@code rollbacks.strategy}. */
final class RuntimeReader {

    private RuntimeReader() {
    }

    static RuntimeStrategies read(JsonNode node, Problems problems) {
        if (node == null || node.isNull()) {
            return RuntimeStrategies.DEFAULTS;
        }
        HypothesisStrategy hypothesis = HypothesisStrategy.DEFAULT;
        Double frequency = null;
        RollbackStrategy rollbacks = RollbackStrategy.DEFAULT;
        JsonNode h = node.path("hypothesis");
        if (h.has("strategy")) {
            String text = h.get("strategy").asText();
            hypothesis = HypothesisStrategy.parse(text).orElse(null);
            if (hypothesis == null) {
                problems.error("/runtime/hypothesis/strategy", "hypothesis strategy [" + text + "] is not known",
                        "use one of: " + HypothesisStrategy.choices());
                hypothesis = HypothesisStrategy.DEFAULT;
            }
        }
        if (h.has("frequency")) {
            JsonNode f = h.get("frequency");
            if (!f.isNumber() || f.doubleValue() <= 0) {
                problems.error("/runtime/hypothesis/frequency", "hypothesis frequency must be a positive number of seconds, but is [" + f + "]", null);
            } else {
                frequency = f.doubleValue();
            }
        }
        JsonNode r = node.path("rollbacks");
        if (r.has("strategy")) {
            String text = r.get("strategy").asText();
            rollbacks = RollbackStrategy.parse(text).orElse(null);
            if (rollbacks == null) {
                problems.error("/runtime/rollbacks/strategy", "rollback strategy [" + text + "] is not known",
                        "use one of: " + RollbackStrategy.choices());
                rollbacks = RollbackStrategy.DEFAULT;
            }
        }
        return new RuntimeStrategies(hypothesis, frequency, rollbacks);
    }
}
