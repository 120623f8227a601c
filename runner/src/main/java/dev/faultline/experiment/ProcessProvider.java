package dev.faultline.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chaos Toolkit's {@code process} provider: {@code path}, {@code arguments}, {@code timeout}. */
public record ProcessProvider(Map<String, Object> fields, List<String> secretScopes) implements Provider {

    public static final String FUNCTION = "process";

    public ProcessProvider {
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
        return List.of("path");
    }

    @Override
    public String describe() {
        Object args = fields.get("arguments");
        return fields.get("path") + (args == null ? "" : " " + args);
    }
}
