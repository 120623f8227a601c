package dev.faultline.safety.preflight;

import java.util.Objects;

/**
 * A safety decision with its reason, e.g.
 * {@code Verdict.deny("remaining budget [12%] is below the policy minimum [50%]")}.
 *
 * @param check which check decided, e.g. {@code remaining-budget} (empty until {@link #from} names it)
 * @param allowed whether the run may go ahead as far as this check is concerned
 * @param reason one sentence with the offending values in brackets
 */
public record Verdict(String check, boolean allowed, String reason) {

    public Verdict {
        check = check == null ? "" : check;
        Objects.requireNonNull(reason, "reason");
    }

    public static Verdict allow(String reason) {
        return new Verdict("", true, reason);
    }

    public static Verdict deny(String reason) {
        return new Verdict("", false, reason);
    }

    public static Verdict allow(String check, String reason) {
        return new Verdict(check, true, reason);
    }

    public static Verdict deny(String check, String reason) {
        return new Verdict(check, false, reason);
    }

    /** The same verdict attributed to {@code name}. */
    public Verdict from(String name) {
        return new Verdict(name, allowed, reason);
    }
}
