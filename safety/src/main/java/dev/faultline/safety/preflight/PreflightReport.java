package dev.faultline.safety.preflight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of all pre-flight checks and blast-radius rules: the run may start only when every
 * one allows it. Every check runs even after a denial, so the user sees every problem at once.
 */
public record PreflightReport(List<Verdict> verdicts) {

    public PreflightReport {
        verdicts = List.copyOf(verdicts);
    }

    /** Runs {@code checks} in order; a check that throws is a denial naming the exception. */
    public static PreflightReport run(List<? extends PreflightCheck> checks, Instant now) {
        List<Verdict> out = new ArrayList<>();
        for (PreflightCheck check : checks) {
            Verdict v;
            try {
                v = check.evaluate(now);
            } catch (RuntimeException e) {
                v = Verdict.deny("the check failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            out.add(v.check().isEmpty() ? v.from(check.name()) : v);
        }
        return new PreflightReport(out);
    }

    public PreflightReport plus(List<Verdict> more) {
        List<Verdict> all = new ArrayList<>(verdicts);
        all.addAll(more);
        return new PreflightReport(all);
    }

    public boolean allowed() {
        return verdicts.stream().allMatch(Verdict::allowed);
    }

    public List<Verdict> denials() {
        return verdicts.stream().filter(v -> !v.allowed()).toList();
    }
}
