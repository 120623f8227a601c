package dev.faultline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of journals: every secret value, wherever it appears (outputs, URLs, copies of
 * the experiment), becomes {@code ***}; so do configuration values whose names look like
 * credentials, and the values written under the experiment's {@code secrets}.
 */
final class SecretMasker {

    static final String MASK = "***";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|api[_-]?key|credential|auth).*");
    /** Shorter values would mask innocent text (a secret "1" would hide every digit 1). */
    private static final int MIN_LENGTH = 4;

    private final List<String> values = new ArrayList<>();

    SecretMasker(Map<String, Map<String, Object>> secrets, Map<String, Object> configuration) {
        secrets.values().forEach(scope -> scope.values().forEach(this::remember));
        configuration.forEach((name, value) -> {
            if (CREDENTIAL_NAME.matcher(name).matches()) {
                remember(value);
            }
        });
        values.sort(Comparator.comparingInt(String::length).reversed());
    }

    private void remember(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return;
        }
        String text = String.valueOf(value);
        if (text.length() >= MIN_LENGTH) {
            values.add(text);
        }
    }

    ObjectNode mask(ObjectNode root) {
        JsonNode secrets = root.path("experiment").path("secrets");
        if (secrets.isObject()) {
            maskValuesUnder((ObjectNode) secrets);
        }
        JsonNode configuration = root.path("faultline").path("configuration");
        if (configuration.isObject()) {
            maskCredentialNames((ObjectNode) configuration);
        }
        walk(root);
        return root;
    }

    private void maskValuesUnder(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                maskValuesUnder((ObjectNode) field.getValue());
            } else if (!field.getKey().equals("type") && !field.getKey().equals("key")) {
                field.setValue(TextNode.valueOf(MASK));
            }
        }
    }

    private void maskCredentialNames(ObjectNode configuration) {
        configuration.fields().forEachRemaining(field -> {
            if (CREDENTIAL_NAME.matcher(field.getKey()).matches()) {
                field.setValue(TextNode.valueOf(MASK));
            }
        });
    }

    private void walk(JsonNode node) {
        if (values.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(scrub(field.getValue().textValue())));
                } else {
                    walk(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(scrub(array.get(i).textValue())));
                } else {
                    walk(array.get(i));
                }
            }
        }
    }

    private String scrub(String text) {
        String out = text;
        for (String secret : values) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
