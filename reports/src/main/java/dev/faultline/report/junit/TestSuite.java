package dev.faultline.report.junit;

import java.util.List;
import java.util.Map;

/** One {@code <testsuite>}: the test cases of one run, with counts derived from them. */
record TestSuite(String name, String timestamp, String hostname, double seconds, Map<String, String> properties,
        List<TestCase> cases, String systemOut) {

    TestSuite {
        cases = List.copyOf(cases);
    }

    int tests() {
        return cases.size();
    }

    int failures() {
        return count(Result.Failed.class);
    }

    int errors() {
        return count(Result.Errored.class);
    }

    int skipped() {
        return count(Result.Skipped.class);
    }

    private int count(Class<? extends Result> kind) {
        return (int) cases.stream().filter(c -> kind.isInstance(c.result())).count();
    }
}
