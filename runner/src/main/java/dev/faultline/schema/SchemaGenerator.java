package dev.faultline.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Produces the JSON Schema of the experiment format (experiments/schema/experiment.schema.json)
 * from a hand-written base and the registry: every python {@code module.func} and native
 * {@code type/func} Faultline implements, with its arguments, so editors can autocomplete them.
 */
public final class SchemaGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaGenerator() {
    }

    public static ObjectNode generate(DriverRegistry registry) {
        ObjectNode schema = base();
        ObjectNode defs = (ObjectNode) schema.get("$defs");
        ArrayNode python = defs.putObject("pythonFunction").putArray("anyOf");
        ArrayNode nativeFunctions = defs.putObject("nativeFunction").putArray("anyOf");
        for (FunctionSpec spec : registry.specs()) {
            for (String name : spec.names()) {
                int slash = name.indexOf('/');
                int dot = name.lastIndexOf('.');
                if (slash > 0) {
                    nativeFunctions.add(function(spec, "type", name.substring(0, slash), name.substring(slash + 1)));
                } else if (dot > 0) {
                    python.add(function(spec, "module", name.substring(0, dot), name.substring(dot + 1)));
                }
            }
        }
        return schema;
    }

    private static ObjectNode function(FunctionSpec spec, String key, String owner, String func) {
        ObjectNode node = JSON.createObjectNode();
        node.put("description", spec.summary().isEmpty() ? spec.signature() : spec.summary());
        ObjectNode properties = node.putObject("properties");
        properties.putObject(key).put("const", owner);
        properties.putObject("func").put("const", func);
        ObjectNode arguments = properties.putObject("arguments");
        arguments.put("type", "object");
        ObjectNode args = arguments.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (Param param : spec.params()) {
            ObjectNode arg = args.putObject(param.name());
            String type = jsonType(param.type());
            if (type != null) {
                ArrayNode types = arg.putArray("type");
                types.add(type);
                if (!type.equals("string")) {
                    types.add("string"); // "${variable}" references
                }
            }
            if (param.defaultValue() != null) {
                arg.set("default", JSON.valueToTree(param.defaultValue()));
            }
            if (param.required()) {
                required.add(param.name());
            }
        }
        if (!required.isEmpty()) {
            arguments.set("required", required);
        }
        if (!spec.extraArguments()) {
            arguments.put("additionalProperties", false);
        }
        return node;
    }

    private static String jsonType(Param.Type type) {
        return switch (type) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case LIST -> "array";
            case MAP -> "object";
            case ANY -> null;
        };
    }

    private static ObjectNode base() {
        try (InputStream in = SchemaGenerator.class.getResourceAsStream("/schema/experiment.base.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/experiment.base.json is missing from the runner jar");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
