package dev.faultline.driver.chaosmonkey;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.driver.Evidence;

/** Turns evidence into the part of an action's output that says what is now in place. */
final class Observed {

    private Observed() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Evidence evidence) {
        if (evidence.observed() instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observed", evidence.observed());
        return out;
    }
}
