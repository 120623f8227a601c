package dev.faultline.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.journal.Journal;
import dev.faultline.report.Fixtures;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitReportTest {

    static final List<String> JOURNALS = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void validatesAgainstTheCiSchemaWithCountsThatAddUp(String name) throws Exception {
        String xml = JunitReport.render(List.of(Fixtures.journal(name)));

        validate(xml);
        countsAddUp(parse(xml));
    }

    @Test
    void aGameDayIsOneSuitePerExperimentWithTotalsOnTheRoot() throws Exception {
        List<Journal> journals = JOURNALS.stream().map(Fixtures::journal).toList();
        String xml = JunitReport.render(journals);

        validate(xml);
        Document doc = parse(xml);
        countsAddUp(doc);
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(journals.size());
    }

    @Test
    void aDeviatedProbeIsAFailureWithObservedAndExpected() throws Exception {
        Element probe = testcase("deviated", "after-hypothesis", "p95-latency-under-200ms");

        Element failure = only(probe, "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("deviated");
        assertThat(failure.getAttribute("message")).contains("not met after the method")
                .contains("observed {\"p50_ms\":270.8,\"p95_ms\":812.4").contains("expected {\"type\":\"range\"");
    }

    @Test
    void theGuardThatAbortedTheRunIsAnErrorWithItsReason() throws Exception {
        Element guard = testcase("aborted", "guard", "burn-rate");

        assertThat(only(guard, "error").getAttribute("message"))
                .isEqualTo("guard [burn-rate] aborted the run: burn rate over 5m [16.2x] is above the threshold [14.4x]");
        assertThat(testcase("aborted", "guard", "p99-latency").getElementsByTagName("error").getLength()).isZero();
        assertThat(only(testcase("aborted", "during-hypothesis", "p95-latency-under-200ms"), "failure")
                .getAttribute("message")).startsWith("steady state not met during the method in 4 of 5 checks");
    }

    @Test
    void refusalsNotMetBeforeInterruptionsAndErrorsAreErrors() throws Exception {
        assertThat(only(testcase("refused", "preflight", "remaining-budget"), "error").getAttribute("type"))
                .isEqualTo("refused");
        assertThat(only(testcase("not-met", "before-hypothesis", "storefront-answers"), "error")
                .getAttribute("message")).contains("Connection refused");
        assertThat(only(testcase("interrupted", "run", "outcome interrupted"), "error").getAttribute("message"))
                .contains("SIGTERM");
        assertThat(only(testcase("error", "faults", "f1 latency undo"), "error").getAttribute("type"))
                .isEqualTo("undo-failed");
        assertThat(only(testcase("error", "run", "outcome error"), "error").getAttribute("message"))
                .contains("undo of fault [f1] failed");
    }

    @Test
    void aDryRunIsSkippedAndAHeldRunIsGreen() throws Exception {
        Element dry = suite("dry-run");
        Element held = suite("held");

        assertThat(dry.getAttribute("skipped")).isEqualTo(dry.getAttribute("tests"));
        assertThat(held.getAttribute("failures")).isEqualTo("0");
        assertThat(held.getAttribute("errors")).isEqualTo("0");
        assertThat(held.getAttribute("skipped")).isEqualTo("0");
    }

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void aSuiteIsGreenExactlyWhenTheRunHeld(String name) throws Exception {
        Journal journal = Fixtures.journal(name);
        Element suite = suite(name);

        boolean green = suite.getAttribute("failures").equals("0") && suite.getAttribute("errors").equals("0");
        assertThat(green).isEqualTo(journal.exitCode() == 0);
    }

    @Test
    void escapesHostileTextAndDropsCharactersXmlCannotCarry() throws Exception {
        String xml = JunitReport.render(List.of(Fixtures.journal("xss")));

        validate(xml);
        assertThat(xml).doesNotContain("<script>").doesNotContain("]]></failure><error>")
                .doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("plain-password-leaked");
    }

    private static void validate(String xml) throws Exception {
        CiSchema.validate(xml);
    }

    private static void countsAddUp(Document doc) {
        Element root = doc.getDocumentElement();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        double time = 0;
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            List<Element> cases = children(suite, "testcase");
            int suiteFailures = (int) cases.stream().filter(c -> c.getElementsByTagName("failure").getLength() > 0).count();
            int suiteErrors = (int) cases.stream().filter(c -> c.getElementsByTagName("error").getLength() > 0).count();
            int suiteSkipped = (int) cases.stream().filter(c -> c.getElementsByTagName("skipped").getLength() > 0).count();
            assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
            assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(suiteFailures));
            assertThat(suite.getAttribute("errors")).isEqualTo(Integer.toString(suiteErrors));
            assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(suiteSkipped));
            tests += cases.size();
            failures += suiteFailures;
            errors += suiteErrors;
            time += Double.parseDouble(suite.getAttribute("time"));
        }
        assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(tests));
        assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(failures));
        assertThat(root.getAttribute("errors")).isEqualTo(Integer.toString(errors));
        assertThat(Double.parseDouble(root.getAttribute("time"))).isCloseTo(time, org.assertj.core.data.Offset.offset(0.002));
    }

    private static Element suite(String journal) throws Exception {
        return (Element) parse(JunitReport.render(List.of(Fixtures.journal(journal))))
                .getElementsByTagName("testsuite").item(0);
    }

    private static Element testcase(String journal, String phase, String name) throws Exception {
        for (Element c : children(suite(journal), "testcase")) {
            if (c.getAttribute("classname").endsWith("." + phase) && c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no testcase [" + phase + " / " + name + "] in the report of [" + journal + "]");
    }

    private static Element only(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<%s> elements in <testcase name=%s>", tag, parent.getAttribute("name"))
                .isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
