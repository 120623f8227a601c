package dev.faultline.experiment;

/** {@code tolerance: "ok"}: the output must equal the string (after {@code ${var}} substitution). */
public record StringTolerance(String expected) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        Object wanted = context.substitute(expected);
        return Outputs.pyEquals(output, wanted)
                ? Check.met("output is " + Outputs.show(wanted))
                : Check.notMet("output " + Outputs.show(output) + " is not " + Outputs.show(wanted));
    }

    @Override
    public String describe() {
        return "\"" + expected + "\"";
    }
}
