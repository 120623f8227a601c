package dev.faultline.driver;

/**
 * One argument of a driver function.
 *
 * @param defaultValue used when the argument is absent; {@code null} means "none"
 */
public record Param(String name, boolean required, Type type, Object defaultValue) {

    /** Loose JSON types; {@code ANY} accepts everything. Numbers given as strings are accepted. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, LIST, MAP, ANY }

    public static Param required(String name, Type type) {
        return new Param(name, true, type, null);
    }

    public static Param optional(String name, Type type, Object defaultValue) {
        return new Param(name, false, type, defaultValue);
    }

    String describe() {
        String base = name + ": " + type.name().toLowerCase(java.util.Locale.ROOT);
        if (required) {
            return base;
        }
        return base + " = " + (defaultValue == null ? "null" : defaultValue);
    }
}
