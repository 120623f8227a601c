package dev.faultline.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;

/** Chaos Toolkit's {@code env_var_type} conversions of environment variable text. */
public final class EnvVarTypes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvVarTypes() {
    }

    /**
     * @param type {@code str}/{@code string} (or {@code null}), {@code int}/{@code integer}, {@code float}/{@code number},
     *     {@code bool}, {@code json}
     * @throws IllegalArgumentException when the text is not a valid value of the type
     */
    public static Object convert(String type, String text) {
        String kind = type == null ? "str" : type.toLowerCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "int", "integer" -> Long.parseLong(text.trim());
                case "float", "number" -> Double.parseDouble(text.trim());
                case "bool" -> !(text.equalsIgnoreCase("false") || text.equals("0") || text.equalsIgnoreCase("no"));
                case "json" -> text.isEmpty() ? text : JSON.readValue(text, Object.class);
                default -> text;
            };
        } catch (Exception e) {
            throw new IllegalArgumentException("[" + text + "] is not a valid " + kind);
        }
    }
}
