package dev.faultline.demo.storefront;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stock as the storefront shows it: a number of units, or the string {@code "unknown"} when
 * inventory could not tell.
 *
 * @param units available units, {@code null} when unknown
 */
public record Stock(Integer units) {

    private static final Stock UNKNOWN = new Stock(null);

    public static Stock units(int units) {
        return new Stock(units);
    }

    public static Stock unknown() {
        return UNKNOWN;
    }

    @JsonValue
    Object json() {
        return units == null ? "unknown" : units;
    }
}
