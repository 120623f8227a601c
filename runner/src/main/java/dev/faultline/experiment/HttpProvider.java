package dev.faultline.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chaos Toolkit's {@code http} provider. Fields stay as written (numbers, strings, {@code ${var}}
 * references) until the activity runs.
 */
public record HttpProvider(Map<String, Object> fields, List<String> secretScopes) implements Provider {

    public static final String FUNCTION = "http";

    public HttpProvider {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        secretScopes = List.copyOf(secretScopes);
    }

    @Override
    public String function() {
        return FUNCTION;
    }

    @Override
    public Map<String, Object> arguments() {
        return fields;
    }

    @Override
    public List<String> verbatim() {
        return List.of("method");
    }

    @Override
    public String describe() {
        Object method = fields.getOrDefault("method", "GET");
        return method + " " + fields.get("url");
    }
}
