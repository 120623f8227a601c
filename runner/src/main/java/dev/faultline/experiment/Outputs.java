package dev.faultline.experiment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Comparison rules shared by tolerances, following Python's semantics where Chaos Toolkit relies
 * on them (1 == 1.0, "3" is not 3, maps compare by content).
 */
final class Outputs {

    private Outputs() {
    }

    /** The {@code status} of an http-like output, when the output is a map that has one. */
    static Object status(Object output) {
        if (output instanceof Map<?, ?> map && map.containsKey("status")) {
            return map.get("status");
        }
        return NO_STATUS;
    }

    static final Object NO_STATUS = new Object();

    /** {@code output[target]} when a target is given and the output is a map that has it, as CTK's {@code value.get(target, value)}. */
    static Object target(Object output, String target) {
        if (target != null && output instanceof Map<?, ?> map && map.containsKey(target)) {
            return map.get(target);
        }
        return output;
    }

    static boolean pyEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!pyEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Object key : x.keySet()) {
                if (!pyEquals(x.get(key), y.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean contains(List<?> values, Object candidate) {
        for (Object value : values) {
            if (pyEquals(value, candidate)) {
                return true;
            }
        }
        return false;
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return new BigDecimal(n.toString());
    }

    /** Python's {@code Decimal(value)}: numbers and numeric strings, else {@code null}. */
    static BigDecimal toDecimal(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        if (value instanceof Number n) {
            return decimal(n);
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Python-like truthiness, for probe tolerances. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    static String show(Object value) {
        if (value instanceof String s) {
            String shown = s.length() > 120 ? s.substring(0, 117) + "..." : s;
            return "\"" + shown + "\"";
        }
        String text = String.valueOf(value);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
