package dev.faultline.safety.blast;

import java.util.Map;
import java.util.Objects;

/**
 * An opt-in label every targeted object must carry, written {@code key=value} or just {@code key}
 * (any value), e.g. {@code faultline.dev/chaos=enabled}.
 */
public record LabelRequirement(String key, String value) {

    public LabelRequirement {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("the required label needs a key, e.g. faultline.dev/chaos=enabled");
        }
    }

    public static LabelRequirement parse(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? new LabelRequirement(text.trim(), null)
                : new LabelRequirement(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.get(key);
        return actual != null && (value == null || value.equals(actual));
    }

    @Override
    public String toString() {
        return value == null ? key : key + "=" + value;
    }
}
