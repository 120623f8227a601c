package dev.faultline.report.junit;

import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates JUnit XML against {@code src/test/resources/junit/ci-junit.xsd}, the dialect CI servers read. */
public final class CiSchema {

    private static final Path XSD = Path.of("src", "test", "resources", "junit", "ci-junit.xsd");

    private CiSchema() {
    }

    /** Throws {@link SAXException} naming the line and the rule broken when {@code xml} does not conform. */
    public static void validate(String xml) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
