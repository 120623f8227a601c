package dev.faultline.experiment;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code tolerance: [200, 201, 204]}. For http-like outputs the status must be in the list.
 * Otherwise, a list of exactly two values is an inclusive range {@code [lo, hi]} (Chaos Toolkit's
 * rule, kept for compatibility: {@code [200, 204]} accepts 203), and longer lists are choices.
 */
public record ListTolerance(List<Object> values) implements Tolerance {

    public ListTolerance {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    @Override
    public Check check(Object output, Context context) {
        Object status = Outputs.status(output);
        if (status != Outputs.NO_STATUS) {
            return Outputs.contains(values, status)
                    ? Check.met("status " + status + " is in " + values)
                    : Check.notMet("status " + Outputs.show(status) + " is not in " + values);
        }
        if (isRange()) {
            return checkRange(output);
        }
        return Outputs.contains(values, output)
                ? Check.met("output " + Outputs.show(output) + " is in " + values)
                : Check.notMet("output " + Outputs.show(output) + " is not in " + values);
    }

    /** Whether this list is read as a two-element range (worth a warning when the author meant choices). */
    public boolean isRange() {
        return values.size() == 2;
    }

    private Check checkRange(Object output) {
        Object lo = values.get(0);
        Object hi = values.get(1);
        if (lo instanceof Number l && hi instanceof Number h && output instanceof Number o && !(output instanceof Boolean)) {
            BigDecimal value = Outputs.decimal(o);
            boolean met = Outputs.decimal(l).compareTo(value) <= 0 && value.compareTo(Outputs.decimal(h)) <= 0;
            return met ? Check.met("output " + o + " is within [" + l + ", " + h + "]")
                    : Check.notMet("output " + o + " is outside [" + l + ", " + h + "]");
        }
        if (lo instanceof String l && hi instanceof String h && output instanceof String o) {
            // Python compares strings lexicographically; the two-element rule applies to them too.
            boolean met = l.compareTo(o) <= 0 && o.compareTo(h) <= 0;
            return met ? Check.met("output " + Outputs.show(o) + " sorts within [" + l + ", " + h + "]")
                    : Check.notMet("output " + Outputs.show(o) + " sorts outside [" + l + ", " + h + "]"
                            + " (a two-element list is a range, not a set of choices)");
        }
        return Check.notMet("output " + Outputs.show(output) + " cannot be compared with the range " + values);
    }

    @Override
    public String describe() {
        return isRange() ? "within " + values + " (two-element list: inclusive range)" : "in " + values;
    }
}
