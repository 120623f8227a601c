package dev.faultline.report.junit;

import dev.faultline.journal.Journal;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI servers: a {@code <testsuites>} root with one {@code <testsuite>} per run. The
 * structure follows the schema Jenkins and the GitHub test reporters read (see docs/reports.md for the
 * mapping of outcomes onto test cases).
 */
public final class JunitReport {

    private static final int MESSAGE_MAX = 1_000;
    private static final int DETAIL_MAX = 16_000;

    private JunitReport() {
    }

    public static String render(List<Journal> journals) {
        List<TestSuite> suites = journals.stream().map(SuiteMapping::of).toList();
        XmlWriter xml = new XmlWriter();
        xml.open("testsuites", "name", "faultline",
                "tests", Integer.toString(suites.stream().mapToInt(TestSuite::tests).sum()),
                "failures", Integer.toString(suites.stream().mapToInt(TestSuite::failures).sum()),
                "errors", Integer.toString(suites.stream().mapToInt(TestSuite::errors).sum()),
                "time", XmlWriter.seconds(suites.stream().mapToDouble(TestSuite::seconds).sum()));
        int id = 0;
        for (TestSuite suite : suites) {
            suite(xml, suite, id++);
        }
        xml.close("testsuites");
        return xml.toString();
    }

    private static void suite(XmlWriter xml, TestSuite suite, int id) {
        xml.open("testsuite", "name", suite.name(), "tests", Integer.toString(suite.tests()),
                "failures", Integer.toString(suite.failures()), "errors", Integer.toString(suite.errors()),
                "skipped", Integer.toString(suite.skipped()), "time", XmlWriter.seconds(suite.seconds()),
                "timestamp", suite.timestamp(), "hostname", suite.hostname(), "id", Integer.toString(id),
                "package", "faultline");
        if (!suite.properties().isEmpty()) {
            xml.open("properties");
            for (Map.Entry<String, String> property : suite.properties().entrySet()) {
                xml.empty("property", "name", property.getKey(), "value", property.getValue());
            }
            xml.close("properties");
        }
        for (TestCase testCase : suite.cases()) {
            testCase(xml, testCase);
        }
        if (suite.systemOut() != null) {
            xml.element("system-out", suite.systemOut());
        }
        xml.close("testsuite");
    }

    private static void testCase(XmlWriter xml, TestCase c) {
        String[] attributes = {"name", c.name(), "classname", c.classname(), "time", XmlWriter.seconds(c.seconds())};
        if (c.result() instanceof Result.Passed && c.systemOut() == null) {
            xml.empty("testcase", attributes);
            return;
        }
        xml.open("testcase", attributes);
        Result result = c.result();
        if (result instanceof Result.Failed f) {
            xml.element("failure", cut(f.detail(), DETAIL_MAX), "type", f.type(), "message", cut(f.message(), MESSAGE_MAX));
        } else if (result instanceof Result.Errored e) {
            xml.element("error", cut(e.detail(), DETAIL_MAX), "type", e.type(), "message", cut(e.message(), MESSAGE_MAX));
        } else if (result instanceof Result.Skipped s) {
            xml.empty("skipped", "message", s.message());
        }
        if (c.systemOut() != null) {
            xml.element("system-out", c.systemOut());
        }
        xml.close("testcase");
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + " ... (cut; the journal has the whole text)";
    }
}
