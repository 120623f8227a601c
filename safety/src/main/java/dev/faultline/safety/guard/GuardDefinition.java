package dev.faultline.safety.guard;

import java.util.Objects;

/**
 * What a guard watches, for the journal's {@code guards.definitions} and reports.
 *
 * @param name short stable name, e.g. {@code burn-rate}
 * @param description e.g. "burn rate over 5m above 14.4 (SLO storefront-availability)"
 * @param threshold the limit, {@code NaN} when the guard has none
 * @param unit e.g. {@code x} (burn rate), {@code budget}, {@code ms}, {@code failures}, {@code s}
 */
public record GuardDefinition(String name, String description, double threshold, String unit) {

    public GuardDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
    }
}
