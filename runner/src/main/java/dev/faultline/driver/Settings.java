package dev.faultline.driver;

import java.util.Map;
import java.util.Optional;

/** Read-only view of an experiment's resolved configuration, with typed, forgiving accessors. */
public record Settings(Map<String, Object> values) {

    public Settings {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
