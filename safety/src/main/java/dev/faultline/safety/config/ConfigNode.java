package dev.faultline.safety.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON/YAML node that knows where it came from (file and field path), so every reader of SLO
 * files and safety blocks fails with the same kind of message: source, path, the offending value
 * in brackets, and the fix.
 */
public final class ConfigNode {

    private final String source;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    /** The root of a document read from {@code source}; {@code path} prefixes every location. */
    public static ConfigNode root(String source, String path, JsonNode node) {
        return new ConfigNode(source, path == null ? "" : path, node);
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public JsonNode raw() {
        return node;
    }

    /** Absent or explicitly {@code null}. */
    public boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isText() {
        return node.isTextual();
    }

    public boolean isNumber() {
        return node.isNumber();
    }

    public boolean isBoolean() {
        return node.isBoolean();
    }

    public boolean has(String field) {
        return !get(field).isMissing();
    }

    /** The child {@code field}; a missing node (with the right path) when absent. */
    public ConfigNode get(String field) {
        String childPath = path.isEmpty() ? field : path + "." + field;
        return new ConfigNode(source, childPath, node.isObject() ? node.get(field) : null);
    }

    /** The child {@code field}, failing when it is absent. */
    public ConfigNode required(String field, String example) {
        if (!isMissing() && !node.isObject()) {
            throw error("must be a mapping, but was [" + brief() + "]", "write it as " + field + ": " + example);
        }
        ConfigNode child = get(field);
        if (child.isMissing()) {
            throw new SafetyConfigException(source, path, "required field [" + field + "] is missing",
                    "add " + field + ": " + example);
        }
        return child;
    }

    /** The first present child among {@code fields}, if any. */
    public Optional<ConfigNode> firstOf(String... fields) {
        for (String f : fields) {
            ConfigNode child = get(f);
            if (!child.isMissing()) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    public List<ConfigNode> elements() {
        if (isMissing()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("must be a list, but was [" + brief() + "]", "write it as a list, e.g. [a, b]");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** Fields of a mapping, in document order. */
    public Map<String, ConfigNode> fields() {
        if (isMissing()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error("must be a mapping, but was [" + brief() + "]", "write it as key: value pairs");
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            out.put(name, get(name));
        }
        return out;
    }

    /** Fails on the first field not in {@code allowed}, so typos do not silently turn a guard off. */
    public void onlyFields(String... allowed) {
        List<String> known = Arrays.asList(allowed);
        for (String name : fields().keySet()) {
            if (!known.contains(name)) {
                throw new SafetyConfigException(source, path.isEmpty() ? name : path + "." + name,
                        "unknown field [" + name + "]", "use one of " + known);
            }
        }
    }

    public String text() {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw error("must be a text value, but was [" + brief() + "]", "write a single value");
    }

    public String nonEmptyText(String example) {
        String s = text().trim();
        if (s.isEmpty()) {
            throw error("must not be empty", "write e.g. " + example);
        }
        return s;
    }

    public double number() {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw error("[" + brief() + "] is not a number", "write a number such as 14.4");
    }

    public int integer() {
        double d = number();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error("[" + brief() + "] is not a whole number", "write a whole number such as 3");
        }
        return (int) d;
    }

    public boolean bool() {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual()) {
            String s = node.asText().trim().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("true") || s.equals("yes") || s.equals("on")) {
                return true;
            }
            if (s.equals("false") || s.equals("no") || s.equals("off")) {
                return false;
            }
        }
        throw error("[" + brief() + "] is not true or false", "write true or false");
    }

    /** A duration with a unit; bare numbers are refused because seconds and milliseconds both occur. */
    public Duration duration() {
        if (node.isNumber()) {
            throw error("[" + brief() + "] has no unit", "write it with a unit, e.g. " + brief() + "s or " + brief() + "ms");
        }
        Duration d = Durations.tryParse(text()).orElseThrow(() -> error("[" + brief() + "] is not a duration",
                "write a number with a unit such as 250ms, 10s, 5m, 1h or 30d"));
        if (d.isNegative() || d.isZero()) {
            throw error("[" + brief() + "] must be longer than zero", "write a positive duration such as 5m");
        }
        return d;
    }

    /**
     * A fraction in [0, 1], written either as a percentage string ({@code "2%"}) or as a fraction
     * ({@code 0.02}). A bare number above 1 is refused because it is ambiguous.
     */
    public double fraction() {
        String s = node.isTextual() ? node.asText().trim() : null;
        double value;
        if (s != null && s.endsWith("%")) {
            value = parsePercent(s) / 100.0;
        } else {
            value = number();
            if (value > 1) {
                throw error("[" + brief() + "] is ambiguous", "write a percentage such as [" + brief()
                        + "%] or a fraction between 0 and 1 such as [" + Numbers.hundredth(brief()) + "]");
            }
        }
        if (value < 0 || value > 1) {
            throw error("[" + brief() + "] must be between 0% and 100%", "write a percentage such as 25%");
        }
        return value;
    }

    /** A percentage in [0, 100], written as {@code 50} or {@code "50%"}. */
    public double percent() {
        String s = node.isTextual() ? node.asText().trim() : null;
        double value = s != null && s.endsWith("%") ? parsePercent(s) : number();
        if (value < 0 || value > 100) {
            throw error("[" + brief() + "] must be between 0 and 100", "write a percentage such as 50");
        }
        return value;
    }

    private double parsePercent(String s) {
        try {
            return Double.parseDouble(s.substring(0, s.length() - 1).trim());
        } catch (NumberFormatException e) {
            throw error("[" + s + "] is not a percentage", "write a percentage such as 25%");
        }
    }

    /** An error located at this node. */
    public SafetyConfigException error(String problem, String fix) {
        return new SafetyConfigException(source, path, problem, fix);
    }

    /** The value as it appears in the document, shortened for messages. */
    public String brief() {
        String s = node.isTextual() ? node.asText() : node.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
