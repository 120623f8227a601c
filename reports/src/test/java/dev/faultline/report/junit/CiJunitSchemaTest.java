package dev.faultline.report.junit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The schema the JUnit XML is validated against must itself reject what CI servers cannot read. */
class CiJunitSchemaTest {

    private static final String SUITE = "<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\">%s</testsuite>";

    @Test
    void acceptsAPlainReport() {
        assertThatCode(() -> CiSchema.validate(doc("<testcase name=\"a\" classname=\"c\" time=\"0.5\"/>")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsACaseThatBothFailsAndErrors() {
        assertThatThrownBy(() -> CiSchema.validate(doc("<testcase name=\"a\" classname=\"c\" time=\"1\">"
                + "<failure message=\"m\" type=\"t\"/><error message=\"m\" type=\"t\"/></testcase>")))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void rejectsACommaDecimalTimeAndAZonedTimestamp() {
        assertThatThrownBy(() -> CiSchema.validate(doc("<testcase name=\"a\" classname=\"c\" time=\"0,5\"/>")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> CiSchema.validate("<testsuites tests=\"0\" failures=\"0\" errors=\"0\">"
                + "<testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" timestamp=\"2026-11-27T05:16:08Z\"/>"
                + "</testsuites>")).isInstanceOf(SAXException.class);
    }

    @Test
    void rejectsASkippedCountOnTheRootAndAFailureWithoutMessage() {
        assertThatThrownBy(() -> CiSchema.validate("<testsuites tests=\"0\" failures=\"0\" errors=\"0\" "
                + "skipped=\"0\"/>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> CiSchema.validate(doc("<testcase name=\"a\" classname=\"c\" time=\"1\">"
                + "<failure type=\"t\"/></testcase>"))).isInstanceOf(SAXException.class);
    }

    private static String doc(String cases) {
        return "<testsuites tests=\"1\" failures=\"0\" errors=\"0\">" + String.format(SUITE, cases) + "</testsuites>";
    }
}
