package dev.faultline.experiment;

/**
 * {@code tolerance: 200}: the output must equal the number, or, for http-like outputs (a map with a
 * {@code status}), the status must.
 */
public record NumberTolerance(Number expected) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        Object status = Outputs.status(output);
        if (status != Outputs.NO_STATUS) {
            return Outputs.pyEquals(status, expected)
                    ? Check.met("status " + status + " is " + expected)
                    : Check.notMet("status " + Outputs.show(status) + " is not " + expected);
        }
        return Outputs.pyEquals(output, expected)
                ? Check.met("output is " + expected)
                : Check.notMet("output " + Outputs.show(output) + " is not " + expected);
    }

    @Override
    public String describe() {
        return String.valueOf(expected);
    }
}
