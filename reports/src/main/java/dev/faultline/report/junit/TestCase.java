package dev.faultline.report.junit;

/** One {@code <testcase>}: a probe in a phase, a guard, a fault's undo, a pre-flight check or the run itself. */
record TestCase(String classname, String name, double seconds, Result result, String systemOut) {
}
