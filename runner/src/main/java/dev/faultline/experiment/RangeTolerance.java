package dev.faultline.experiment;

import java.math.BigDecimal;

/** {@code {type: range, range: [lo, hi], target?}}: a number (or numeric string) within bounds, inclusive. */
public record RangeTolerance(Number low, Number high, String target) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        Object value = Outputs.target(output, target);
        BigDecimal number = Outputs.toDecimal(value);
        if (number == null) {
            return Check.notMet("output " + Outputs.show(value) + " is not a number");
        }
        boolean met = Outputs.decimal(low).compareTo(number) <= 0 && number.compareTo(Outputs.decimal(high)) <= 0;
        return met ? Check.met(number + " is within [" + low + ", " + high + "]")
                : Check.notMet(number + " is outside [" + low + ", " + high + "]");
    }

    @Override
    public String describe() {
        return (target == null ? "" : target + " ") + "within [" + low + ", " + high + "]";
    }
}
