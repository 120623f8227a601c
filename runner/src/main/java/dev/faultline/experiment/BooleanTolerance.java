package dev.faultline.experiment;

/** {@code tolerance: true}: the output must equal the boolean. */
public record BooleanTolerance(boolean expected) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        // Python's True == 1: a numeric 1/0 output matches too, as in Chaos Toolkit.
        boolean met = output instanceof Boolean b ? b == expected
                : output instanceof Number n && Outputs.pyEquals(n, expected ? 1 : 0);
        return met ? Check.met("output is " + expected)
                : Check.notMet("output " + Outputs.show(output) + " is not " + expected);
    }

    @Override
    public String describe() {
        return String.valueOf(expected);
    }
}
