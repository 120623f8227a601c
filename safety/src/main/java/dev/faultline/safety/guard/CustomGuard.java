package dev.faultline.safety.guard;

import java.time.Instant;
import java.util.Objects;

/**
 * A guard whose check is supplied by the caller, e.g. the runner's mapping of Chaos Toolkit
 * {@code chaosaddons.controls.safeguards} probes (run the probe, apply its tolerance). A check that
 * throws counts as a breach, as a failing safeguard probe does in Chaos Toolkit.
 */
public final class CustomGuard implements Guard {

    /** The caller's verdict for one check. */
    public record Outcome(boolean ok, double measured, String reason) {
        public static Outcome ok(String reason) {
            return new Outcome(true, Double.NaN, reason);
        }

        public static Outcome breach(String reason) {
            return new Outcome(false, Double.NaN, reason);
        }
    }

    /** Evaluates the condition once. */
    @FunctionalInterface
    public interface Check {
        Outcome evaluate(Instant now) throws Exception;
    }

    private final GuardDefinition definition;
    private final Check check;

    public CustomGuard(String name, String description, Check check) {
        this.definition = new GuardDefinition(Objects.requireNonNull(name, "name"), description, Double.NaN, "");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public GuardCheck check(Instant now) {
        Outcome outcome;
        try {
            outcome = check.evaluate(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GuardCheck.unknown(name(), now, Double.NaN, "interrupted");
        } catch (Exception e) {
            return GuardCheck.breach(name(), now, Double.NaN, Double.NaN, "the check failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (outcome == null) {
            return GuardCheck.breach(name(), now, Double.NaN, Double.NaN, "the check returned no outcome");
        }
        return outcome.ok()
                ? GuardCheck.ok(name(), now, outcome.measured(), Double.NaN, outcome.reason())
                : GuardCheck.breach(name(), now, outcome.measured(), Double.NaN, outcome.reason());
    }
}
