package dev.faultline.driver.chaosmonkey;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reading Chaos Monkey settings (assault and watcher JSON objects): what a requested change will
 * overwrite, whether it reads back as requested, and which assaults are active.
 */
final class MonkeySettings {

    private MonkeySettings() {
    }

    /**
     * The values {@code before} holds for every field {@code change} sets: enough to put them back.
     * Fields the change leaves alone are not restored (someone else may own them), and fields whose
     * old value is {@code null} are left out because Chaos Monkey ignores {@code null} in updates.
     */
    static Map<String, Object> previousValues(Map<String, Object> change, Map<String, Object> before) {
        Map<String, Object> out = new LinkedHashMap<>();
        change.forEach((field, value) -> {
            if (value != null && before.get(field) != null) {
                out.put(field, before.get(field));
            }
        });
        return out;
    }

    /**
     * Every requested field that does not read back as requested. Chaos Monkey silently ignores
     * fields it does not know, so a misspelt field shows up here rather than as an HTTP error.
     */
    static List<String> mismatches(Map<String, Object> requested, Map<String, Object> actual) {
        List<String> out = new ArrayList<>();
        requested.forEach((field, wanted) -> {
            if (wanted == null) {
                return;
            }
            if (!actual.containsKey(field)) {
                out.add("field [" + field + "] is not a setting of this Chaos Monkey (it has " + actual.keySet() + ")");
            } else if (!same(wanted, actual.get(field))) {
                out.add("field [" + field + "] was set to [" + wanted + "] but reads [" + actual.get(field) + "]");
            }
        });
        return out;
    }

    /** Active assaults in words, e.g. {@code ["latency 800-800 ms", "exceptions (java.lang.RuntimeException)"]}. */
    static List<String> activeAssaults(Map<String, Object> assaults) {
        List<String> out = new ArrayList<>();
        if (on(assaults, "latencyActive")) {
            out.add("latency " + assaults.get("latencyRangeStart") + "-" + assaults.get("latencyRangeEnd") + " ms");
        }
        if (on(assaults, "exceptionsActive")) {
            Object exception = assaults.get("exception");
            Object type = exception instanceof Map<?, ?> m ? m.get("type") : null;
            out.add(type == null ? "exceptions" : "exceptions (" + type + ")");
        }
        if (on(assaults, "killApplicationActive")) {
            out.add("kill application");
        }
        if (on(assaults, "memoryActive")) {
            out.add("memory");
        }
        if (on(assaults, "cpuActive")) {
            out.add("cpu");
        }
        return out;
    }

    /** The runtime assaults among the active ones (those {@code /assaults/runtime/attack} starts). */
    static List<String> activeRuntimeAssaults(Map<String, Object> assaults) {
        return activeAssaults(assaults).stream()
                .filter(a -> a.equals("kill application") || a.equals("memory") || a.equals("cpu"))
                .toList();
    }

    /**
     * The least time the active memory and CPU assaults keep the actuator's attack request open:
     * Chaos Monkey runs them on the request's thread and answers once they end, after filling
     * memory and holding it ({@code memoryMillisecondsHoldFilledMemory}) or holding the CPU load
     * ({@code cpuMillisecondsHoldLoad}). Zero when neither is active.
     */
    static Duration runtimeHold(Map<String, Object> assaults) {
        long millis = 0;
        if (on(assaults, "memoryActive")) {
            millis = Math.max(millis, millis(assaults.get("memoryMillisecondsHoldFilledMemory")));
        }
        if (on(assaults, "cpuActive")) {
            millis = Math.max(millis, millis(assaults.get("cpuMillisecondsHoldLoad")));
        }
        return Duration.ofMillis(millis);
    }

    private static long millis(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Which requests are hit, e.g. "1 in 5 requests" or "every 5th request". */
    static String reach(Map<String, Object> assaults) {
        Object level = assaults.get("level");
        if (level == null) {
            return "requests";
        }
        return on(assaults, "deterministic") ? "every request number divisible by " + level : "1 in " + level + " requests";
    }

    /** Watchers switched on, e.g. {@code ["restController"]}. */
    static List<String> activeWatchers(Map<String, Object> watchers) {
        List<String> out = new ArrayList<>();
        watchers.forEach((name, value) -> {
            if (Boolean.TRUE.equals(value)) {
                out.add(name);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                out.add(name + " " + list);
            }
        });
        return out;
    }

    static boolean on(Map<String, Object> settings, String field) {
        Object value = settings.get(field);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static boolean same(Object wanted, Object actual) {
        if (wanted instanceof Map<?, ?> w) {
            return actual instanceof Map<?, ?> a && mismatches((Map<String, Object>) w, (Map<String, Object>) a).isEmpty();
        }
        if (wanted instanceof List<?> w) {
            if (!(actual instanceof List<?> a) || a.size() != w.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!same(w.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(scalar(wanted), scalar(actual));
    }

    /** Numbers compare by value (800 equals 800.0 equals "800"), booleans by value ("true" equals true). */
    private static String scalar(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        if (value instanceof Boolean || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase(Locale.ROOT);
        }
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
