package dev.faultline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes journal values (probe outputs, tolerances, evidence) as text for people: strings as they are,
 * everything else as JSON, compact on one line or indented, and cut at a size limit with a note.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    /** One line: a string's text, or the value's JSON; empty for a missing or null value. */
    public static String compact(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return write(MAPPER.writer(), node);
    }

    /** Indented JSON (a string's text as it is). */
    public static String pretty(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return write(PRETTY, node);
    }

    /** {@code text} cut to {@code limit} characters; a cut text ends with a line saying how much was left out. */
    public static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit) + String.format(java.util.Locale.ROOT,
                "%n… truncated: showing the first %,d of %,d characters; the journal has the whole value", limit,
                text.length());
    }

    private static String write(ObjectWriter writer, JsonNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree read from JSON always writes back; keep the report going if it somehow does not.
            return node.toString();
        }
    }
}
