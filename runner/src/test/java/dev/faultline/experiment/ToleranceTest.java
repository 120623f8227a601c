package dev.faultline.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToleranceTest {

    private static final Tolerance.Context PLAIN = new Tolerance.Context() {
        @Override
        public Object substitute(Object value) {
            return Substitution.of(Map.of("expected", "UP"), Map.of()).apply(value);
        }

        @Override
        public Object runProbe(Provider provider, Object output) {
            return output instanceof Number n && n.intValue() > 10;
        }
    };

    private static boolean met(Tolerance tolerance, Object output) {
        return tolerance.check(output, PLAIN).met();
    }

    private static Map<String, Object> http(int status, Object body) {
        return Map.of("status", status, "headers", Map.of(), "body", body);
    }

    @Test
    void booleanComparesWithPythonEquality() {
        assertThat(met(new BooleanTolerance(true), true)).isTrue();
        assertThat(met(new BooleanTolerance(true), false)).isFalse();
        assertThat(met(new BooleanTolerance(true), 1L)).isTrue();
        assertThat(met(new BooleanTolerance(false), "false")).isFalse();
    }

    @Test
    void integerChecksTheStatusOfHttpOutputsAndEqualsOtherwise() {
        assertThat(met(new NumberTolerance(200), http(200, ""))).isTrue();
        assertThat(met(new NumberTolerance(200), http(503, ""))).isFalse();
        assertThat(met(new NumberTolerance(0), Map.of("status", 0, "stdout", "", "stderr", ""))).isTrue();
        assertThat(met(new NumberTolerance(3), 3.0)).isTrue();
        assertThat(met(new NumberTolerance(3), "3")).isFalse();
    }

    @Test
    void stringIsSubstitutedThenCompared() {
        assertThat(met(new StringTolerance("${expected}"), "UP")).isTrue();
        assertThat(met(new StringTolerance("UP"), "DOWN")).isFalse();
    }

    @Test
    void listIsMembershipOfTheStatusForHttpOutputs() {
        ListTolerance tolerance = new ListTolerance(List.of(200, 204));
        assertThat(met(tolerance, http(204, ""))).isTrue();
        assertThat(met(tolerance, http(203, ""))).isFalse();
    }

    @Test
    void aTwoElementListIsAnInclusiveRangeForPlainOutputs() {
        ListTolerance tolerance = new ListTolerance(List.of(200, 204));
        assertThat(met(tolerance, 203)).isTrue();
        assertThat(met(tolerance, 200)).isTrue();
        assertThat(met(tolerance, 205)).isFalse();
        assertThat(met(new ListTolerance(List.of("a", "c")), "b")).isTrue();
        assertThat(tolerance.isRange()).isTrue();
    }

    @Test
    void aLongerListIsAChoice() {
        ListTolerance tolerance = new ListTolerance(List.of("green", "yellow", "blue"));
        assertThat(met(tolerance, "yellow")).isTrue();
        assertThat(met(tolerance, "red")).isFalse();
    }

    @Test
    void rangeAcceptsNumbersAndNumericStringsWithATarget() {
        RangeTolerance tolerance = new RangeTolerance(1, 5, null);
        assertThat(met(tolerance, 5)).isTrue();
        assertThat(met(tolerance, "2.5")).isTrue();
        assertThat(met(tolerance, 6)).isFalse();
        assertThat(met(tolerance, "abc")).isFalse();
        assertThat(met(new RangeTolerance(0, 1, "status"), Map.of("status", 0, "stdout", "x"))).isTrue();
    }

    @Test
    void regexSearchesAnywhereInTheTarget() {
        RegexTolerance tolerance = new RegexTolerance("UP|OK", "stdout");
        assertThat(met(tolerance, Map.of("status", 0, "stdout", "service is UP\n", "stderr", ""))).isTrue();
        assertThat(met(tolerance, Map.of("status", 0, "stdout", "DOWN", "stderr", ""))).isFalse();
        assertThat(met(new RegexTolerance("(?P<word>h\\w+)", null), "say hello")).isTrue();
        assertThat(met(new RegexTolerance("x", "body"), Map.of("body", Map.of()))).isFalse();
    }

    @Test
    void jsonPathWithoutExpectPassesWhenAnythingMatches() {
        JsonPathTolerance tolerance = new JsonPathTolerance("$.status", false, null, null, "body");
        assertThat(met(tolerance, http(200, Map.of("status", "UP")))).isTrue();
        assertThat(met(tolerance, http(200, Map.of("other", 1)))).isFalse();
    }

    @Test
    void jsonPathExpectComparesAllMatches() {
        Map<String, Object> body = Map.of("items", List.of(Map.of("ok", true), Map.of("ok", true)));
        assertThat(met(new JsonPathTolerance("$.items[*].ok", true, List.of(true, true), null, "body"), http(200, body))).isTrue();
        assertThat(met(new JsonPathTolerance("$.items[*].ok", true, true, null, "body"), http(200, body))).isFalse();
        assertThat(met(new JsonPathTolerance("$.status", true, "${expected}", null, null), Map.of("status", "UP"))).isTrue();
    }

    @Test
    void jsonPathCountPinsTheNumberOfMatchesAndTextIsParsed() {
        String text = "{\"data\":{\"result\":[{\"value\":[1,\"0\"]},{\"value\":[2,\"3\"]}]}}";
        assertThat(met(new JsonPathTolerance("$.data.result[*]", false, null, 2, null), text)).isTrue();
        assertThat(met(new JsonPathTolerance("$.data.result[?(@.value[1] != \"0\")]", false, null, 1, null), text)).isTrue();
        assertThat(met(new JsonPathTolerance("$.data.result[?(@.value[1] = \"0\")]", false, null, 1, null), text)).isTrue();
    }

    @Test
    void probeToleranceIsDecidedByTheProbesTruthiness() {
        ProbeTolerance tolerance = new ProbeTolerance("bigger-than-ten", new PythonProvider("m", "f", Map.of(), List.of()));
        assertThat(met(tolerance, 11)).isTrue();
        assertThat(met(tolerance, 3)).isFalse();
    }

    @Test
    void describeSaysWhatIsExpected() {
        assertThat(new ListTolerance(List.of(200, 204)).describe()).contains("inclusive range");
        assertThat(new RegexTolerance("ok", "stdout").describe()).isEqualTo("stdout matches /ok/");
    }
}
