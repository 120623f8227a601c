package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.BooleanTolerance;
import dev.faultline.experiment.JsonPathTolerance;
import dev.faultline.experiment.ListTolerance;
import dev.faultline.experiment.NumberTolerance;
import dev.faultline.experiment.ProbeTolerance;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.RangeTolerance;
import dev.faultline.experiment.RegexTolerance;
import dev.faultline.experiment.StringTolerance;
import dev.faultline.experiment.Tolerance;

import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Reads every tolerance form Chaos Toolkit accepts and rejects the rest with a fix. */
final class ToleranceReader {

    private static final String FORMS = "true/false, a number, a string, a list, or {type: range|regex|jsonpath|probe}";

    private final Problems problems;
    private final ProviderReader providers;

    ToleranceReader(Problems problems, ProviderReader providers) {
        this.problems = problems;
        this.providers = providers;
    }

    Tolerance read(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            problems.error(at, "`tolerance` is empty", "use " + FORMS);
            return null;
        }
        if (node.isBoolean()) {
            return new BooleanTolerance(node.booleanValue());
        }
        if (node.isNumber()) {
            return new NumberTolerance(node.numberValue());
        }
        if (node.isTextual()) {
            return new StringTolerance(node.textValue());
        }
        if (node.isArray()) {
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) Nodes.toJava(node);
            ListTolerance list = new ListTolerance(values);
            if (list.isRange() && !(values.get(0) instanceof Number && values.get(1) instanceof Number)) {
                problems.warning(at, "a two-element list tolerance " + node + " is read as an inclusive range, not as two choices",
                        "this is Chaos Toolkit's rule; to accept either value add a third or use a regex tolerance");
            }
            return list;
        }
        return typed(node, at);
    }

    private Tolerance typed(JsonNode node, String at) {
        String type = node.path("type").asText(null);
        if (type == null) {
            problems.error(at, "a tolerance mapping needs a `type`", "use {type: range|regex|jsonpath|probe, ...}");
            return null;
        }
        String target = node.hasNonNull("target") ? node.get("target").asText() : null;
        switch (type) {
            case "range" -> {
                JsonNode range = node.get("range");
                if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
                    problems.error(at + "/range", "a range tolerance needs `range: [low, high]` with two numbers", "write `range: [0, 250]`");
                    return null;
                }
                if (range.get(0).doubleValue() > range.get(1).doubleValue()) {
                    problems.error(at + "/range", "the range " + range + " is empty: low is above high", "swap the bounds");
                    return null;
                }
                return new RangeTolerance(range.get(0).numberValue(), range.get(1).numberValue(), target);
            }
            case "regex" -> {
                JsonNode pattern = node.get("pattern");
                if (pattern == null || !pattern.isTextual()) {
                    problems.error(at, "a regex tolerance needs a `pattern`", "write `pattern: \"ok|healthy\"`");
                    return null;
                }
                if (!Nodes.isTemplate(pattern)) {
                    try {
                        RegexTolerance.compile(pattern.textValue());
                    } catch (PatternSyntaxException e) {
                        problems.error(at + "/pattern", "regex [" + pattern.textValue() + "] is invalid: " + e.getDescription(), null);
                        return null;
                    }
                }
                return new RegexTolerance(pattern.textValue(), target);
            }
            case "jsonpath" -> {
                JsonNode path = node.get("path");
                if (path == null || !path.isTextual() || path.textValue().isBlank()) {
                    problems.error(at, "a jsonpath tolerance needs a `path`", "write `path: \"$.status\"`");
                    return null;
                }
                String error = Nodes.isTemplate(path) && path.textValue().contains("${") ? null : JsonPathTolerance.syntaxError(path.textValue());
                if (error != null) {
                    problems.error(at + "/path", "JSON path [" + path.textValue() + "] is invalid: " + error, null);
                    return null;
                }
                JsonNode count = node.get("count");
                if (count != null && !count.isNull() && !count.isIntegralNumber()) {
                    problems.error(at + "/count", "`count` must be a whole number, but is [" + count + "]", null);
                    return null;
                }
                return new JsonPathTolerance(path.textValue(), node.has("expect"), Nodes.toJava(node.get("expect")),
                        count == null || count.isNull() ? null : count.intValue(), target);
            }
            case "probe" -> {
                Provider provider = providers.read(node.get("provider"), at + "/provider");
                if (provider == null) {
                    return null;
                }
                return new ProbeTolerance(node.path("name").asText(null), provider);
            }
            default -> {
                problems.error(at + "/type", "tolerance type [" + type + "] is not supported", "use range, regex, jsonpath or probe");
                return null;
            }
        }
    }
}
