package dev.faultline.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function call's arguments with typed accessors. Conversions are forgiving where YAML and
 * substitution make strings of numbers ({@code "3"} is an integer), and strict otherwise: a bad
 * value fails with the argument's name and the offending value in brackets.
 */
public final class Arguments {

    private final String function;
    private final Map<String, Object> values;

    public Arguments(String function, Map<String, ?> values) {
        this.function = function;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    public long integer(String name) {
        return optionalInteger(name).orElseThrow(() -> missing(name));
    }

    public Optional<Long> optionalInteger(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Optional.of(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                throw invalid(name, "an integer", value);
            }
        }
        throw invalid(name, "an integer", value);
    }

    public double number(String name) {
        return optionalNumber(name).orElseThrow(() -> missing(name));
    }

    public Optional<Double> optionalNumber(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw invalid(name, "a number", value);
            }
        }
        throw invalid(name, "a number", value);
    }

    public boolean bool(String name) {
        return optionalBool(name).orElseThrow(() -> missing(name));
    }

    public Optional<Boolean> optionalBool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("yes") || v.equals("1")) {
                return Optional.of(true);
            }
            if (v.equals("false") || v.equals("no") || v.equals("0")) {
                return Optional.of(false);
            }
        }
        throw invalid(name, "true or false", value);
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> optionalMap(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> m) {
            return Optional.of((Map<String, Object>) m);
        }
        throw invalid(name, "a mapping", value);
    }

    public Optional<List<Object>> optionalList(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> l) {
            return Optional.of(List.copyOf(l));
        }
        throw invalid(name, "a list", value);
    }

    private IllegalArgumentException missing(String name) {
        return new IllegalArgumentException(function + ": argument [" + name + "] is required but was not given");
    }

    private IllegalArgumentException invalid(String name, String expected, Object value) {
        return new IllegalArgumentException(function + ": argument [" + name + "] must be " + expected + ", but was [" + value + "]");
    }
}
