package dev.faultline.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chaos Toolkit's {@code ${name}} substitution: names are looked up in the configuration, then in
 * the secrets. A string that is exactly one reference keeps the value's type ({@code "${port}"}
 * gives the number 8080); references inside longer strings become text; unknown names stay as
 * written; {@code $$} is a literal {@code $}. Maps and lists are substituted recursively; the input
 * is never modified.
 */
public final class Substitution {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$(?:(\\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\\{([_a-zA-Z][_a-zA-Z0-9]*)}|)");

    private final Function<String, Object> lookup;
    private final Set<String> known;

    private Substitution(Function<String, Object> lookup, Set<String> known) {
        this.lookup = lookup;
        this.known = known;
    }

    /** Configuration values win over secrets with the same name. */
    public static Substitution of(Map<String, Object> configuration, Map<String, ? extends Map<String, Object>> secrets) {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (secrets != null) {
            for (Map<String, Object> values : secrets.values()) {
                values.forEach(scope::putIfAbsent);
            }
        }
        if (configuration != null) {
            scope.putAll(configuration);
        }
        return new Substitution(scope::get, scope.keySet());
    }

    public static Substitution none() {
        return new Substitution(name -> null, Set.of());
    }

    public Object apply(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, apply(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(apply(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> applyToMap(Map<String, Object> map) {
        return (Map<String, Object>) apply(map);
    }

    private Object string(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            String name = whole.group(2) != null ? whole.group(2) : whole.group(3);
            if (name != null && known.contains(name)) {
                return lookup.apply(name);
            }
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "$";
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(3);
                replacement = name != null && known.contains(name) ? String.valueOf(pythonText(lookup.apply(name))) : m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Embedded values print as Python's str() would for the common cases. */
    private static Object pythonText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value == null) {
            return "None";
        }
        return value;
    }

    /** Every {@code ${name}} referenced anywhere in {@code value} (bare {@code $name} is usually shell, not a reference). */
    public static Set<String> references(Object value) {
        Set<String> names = new TreeSet<>();
        collect(value, names);
        return names;
    }

    private static void collect(Object value, Set<String> names) {
        if (value instanceof String text) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if (m.group(3) != null) {
                    names.add(m.group(3));
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, names));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, names));
        }
    }
}
