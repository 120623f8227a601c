package dev.faultline.report.junit;

/**
 * How one JUnit test case ended. A failure is an expectation that did not hold (the steady state
 * deviated); an error is a run that could not be judged (aborted, refused, not met before, broken).
 */
sealed interface Result permits Result.Passed, Result.Failed, Result.Errored, Result.Skipped {

    record Passed() implements Result {
    }

    record Failed(String type, String message, String detail) implements Result {
    }

    record Errored(String type, String message, String detail) implements Result {
    }

    record Skipped(String message) implements Result {
    }

    static Result passed() {
        return new Passed();
    }

    /** Whether this result makes the suite red. */
    default boolean red() {
        return this instanceof Failed || this instanceof Errored;
    }
}
