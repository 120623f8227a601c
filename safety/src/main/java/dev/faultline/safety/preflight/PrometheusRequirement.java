package dev.faultline.safety.preflight;

import java.util.Locale;
import java.util.Optional;

/** What to do when Prometheus cannot be reached before a run. */
public enum PrometheusRequirement {
    /** Refuse the run (fail closed): guards computed from Prometheus could not protect it. The default. */
    REQUIRED,
    /** Warn and go ahead (the load probe or other guards still protect the run). */
    OPTIONAL;

    public static Optional<PrometheusRequirement> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "required", "fail-closed" -> Optional.of(REQUIRED);
            case "optional", "fail-open" -> Optional.of(OPTIONAL);
            default -> Optional.empty();
        };
    }
}
