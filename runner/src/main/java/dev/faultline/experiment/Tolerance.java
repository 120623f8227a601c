package dev.faultline.experiment;

/**
 * What a steady-state probe's output must look like, in every form Chaos Toolkit accepts. Each
 * variant checks an output itself and says why it failed.
 */
public sealed interface Tolerance
        permits BooleanTolerance, NumberTolerance, StringTolerance, ListTolerance, RangeTolerance,
                RegexTolerance, JsonPathTolerance, ProbeTolerance {

    /** Checks a probe's output. Never throws for odd outputs: an output of the wrong shape is "not met". */
    Check check(Object output, Context context);

    /** The tolerance in words, e.g. {@code status in [200, 204]}, for reports and messages. */
    String describe();

    /** The outcome of one check, with a sentence for the journal and the report. */
    record Check(boolean met, String detail) {
        public static Check met(String detail) {
            return new Check(true, detail);
        }

        public static Check notMet(String detail) {
            return new Check(false, detail);
        }
    }

    /** What checks need from the run: substitution, and running a probe for probe tolerances. */
    interface Context {
        Object substitute(Object value);

        /** Runs {@code provider} with {@code arguments.value = output}; its truthiness decides. */
        Object runProbe(Provider provider, Object output) throws Exception;
    }
}
