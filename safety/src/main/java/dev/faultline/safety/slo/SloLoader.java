package dev.faultline.safety.slo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.safety.config.ConfigNode;
import dev.faultline.safety.config.SafetyConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads SLO files in any of the accepted formats and tells them apart by their content:
 * OpenSLO v1 ({@code apiVersion: openslo/v1}), Sloth ({@code version: prometheus/v1}) and the simple
 * per-service form ({@code services: {...}}). YAML files may hold several documents ({@code ---}),
 * and a document may be a list of objects, as OpenSLO tools write them.
 */
public final class SloLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private SloLoader() {
    }

    /** Every SLO in {@code file}. */
    public static List<Slo> load(Path file) {
        String source = file.toString();
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SafetyConfigException(source, "", "SLO file not found", "check the path; relative paths are resolved against the experiment's folder");
        } catch (IOException e) {
            throw new SafetyConfigException(source, "", "cannot read SLO file [" + e.getMessage() + "]", "check the file's permissions");
        }
        return parse(source, content);
    }

    /** Every SLO in {@code content}; {@code source} names it in messages. */
    public static List<Slo> parse(String source, String content) {
        List<Document> documents = read(source, content);
        List<ConfigNode> objects = new ArrayList<>();
        for (Document doc : documents) {
            ConfigNode root = ConfigNode.root(source, doc.prefix, doc.node);
            if (root.isArray()) {
                objects.addAll(root.elements());
            } else if (!root.isMissing()) {
                objects.add(root);
            }
        }
        if (objects.isEmpty()) {
            throw new SafetyConfigException(source, "", "the file defines no SLO",
                    "write an OpenSLO v1, Sloth prometheus/v1 or {services: ...} document");
        }
        List<Slo> out = new ArrayList<>();
        OpenSloReader openSlo = new OpenSloReader(objects);
        for (ConfigNode object : objects) {
            out.addAll(readObject(object, openSlo));
        }
        Set<String> names = new HashSet<>();
        for (Slo slo : out) {
            if (!names.add(slo.name())) {
                throw new SafetyConfigException(source, "", "two SLOs are named [" + slo.name() + "]", "give every SLO a unique name");
            }
        }
        return List.copyOf(out);
    }

    private static List<Slo> readObject(ConfigNode object, OpenSloReader openSlo) {
        if (!object.isObject()) {
            throw object.error("must be a mapping, but was [" + object.brief() + "]", "write an SLO document");
        }
        String apiVersion = object.get("apiVersion").isMissing() ? null : object.get("apiVersion").text();
        if (apiVersion != null && apiVersion.startsWith("openslo/")) {
            return openSlo.read(object);
        }
        if (!object.get("version").isMissing()) {
            String version = object.get("version").text();
            if (!version.equals(SlothReader.VERSION)) {
                throw object.get("version").error("unsupported Sloth version [" + version + "]",
                        "write version: " + SlothReader.VERSION);
            }
            return SlothReader.read(object);
        }
        if (object.has("services")) {
            return SimpleSloReader.read(object);
        }
        if (apiVersion != null) {
            throw object.get("apiVersion").error("unsupported apiVersion [" + apiVersion + "]", "write apiVersion: openslo/v1");
        }
        throw object.error("is not an SLO document in a known format",
                "start it with apiVersion: openslo/v1 (OpenSLO), version: prometheus/v1 (Sloth) or services: (simple form)");
    }

    private record Document(String prefix, JsonNode node) {}

    private static List<Document> read(String source, String content) {
        // only .json files go to the JSON parser: a YAML file may well start with a flow mapping "{"
        boolean json = source.endsWith(".json");
        try {
            if (json) {
                return List.of(new Document("", JSON.readTree(content)));
            }
            List<Document> out = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(content)) {
                int index = 0;
                while (it.hasNextValue()) {
                    JsonNode node = it.nextValue();
                    out.add(new Document(index == 0 ? "" : "document[" + index + "]", node));
                    index++;
                }
            }
            if (out.size() > 1) {
                // name the first document too, once there is more than one
                out.set(0, new Document("document[0]", out.get(0).node()));
            }
            return out;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new SafetyConfigException(where, "", "invalid " + (json ? "JSON" : "YAML") + " [" + e.getOriginalMessage() + "]",
                    "fix the syntax at that position", e);
        } catch (IOException e) {
            throw new SafetyConfigException(source, "", "cannot parse [" + e.getMessage() + "]", "check the file", e);
        }
    }
}
