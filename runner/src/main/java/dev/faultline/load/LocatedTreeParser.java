package dev.faultline.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses JSON or YAML into a Jackson tree while remembering the line and column of every element,
 * so that validation errors can point at the file position, not only at a JSON pointer.
 */
public final class LocatedTreeParser {

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final Problems problems;
    private final Map<String, Location> locations = new HashMap<>();

    private LocatedTreeParser(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Parses {@code text}; returns {@code null} (with a problem recorded) when it is not well formed. */
    public static SourceDocument parse(Path file, String text, Problems problems) {
        return new LocatedTreeParser(file, problems).run(text);
    }

    public static boolean isYaml(Path file, String text) {
        String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return false;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        return !text.stripLeading().startsWith("{");
    }

    private SourceDocument run(String text) {
        boolean yaml = isYaml(file, text);
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
            if (parser.nextToken() == null) {
                problems.error("", Location.UNKNOWN, "the file is empty",
                        "write an experiment with at least title, description and method");
                return null;
            }
            JsonNode root = read(parser, "");
            if (yaml && parser.nextToken() != null) {
                problems.error("", location(parser.currentTokenLocation()),
                        "the file holds more than one YAML document", "keep one experiment per file");
            }
            return new SourceDocument(file, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.error("", at == null ? Location.UNKNOWN : location(at),
                    (yaml ? "not valid YAML: " : "not valid JSON: ") + e.getOriginalMessage().lines().findFirst().orElse(""),
                    yaml ? "check indentation and quoting near this line" : "check commas, quotes and brackets near this line");
            return null;
        } catch (IOException e) {
            problems.error("", Location.UNKNOWN, "could not read the file: " + e.getMessage(), null);
            return null;
        }
    }

    private JsonNode read(JsonParser parser, String pointer) throws IOException {
        JsonToken token = parser.currentToken();
        locations.putIfAbsent(pointer, location(parser.currentTokenLocation()));
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = Pointers.child(pointer, name);
                    Location keyAt = location(parser.currentTokenLocation());
                    if (object.has(name)) {
                        problems.warning(child, keyAt, "key [" + name + "] appears twice; the last one is used (as Chaos Toolkit does)",
                                "remove the one you do not mean");
                    }
                    locations.put(child, keyAt);
                    parser.nextToken();
                    object.set(name, read(parser, child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, Pointers.child(pointer, index++)));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(parser.getText());
            }
        }
    }

    private static Location location(JsonLocation at) {
        return at == null ? Location.UNKNOWN : new Location(at.getLineNr(), at.getColumnNr());
    }
}
