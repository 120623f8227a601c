package dev.faultline.driver.toxiproxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A toxic as the Toxiproxy server reports it. Values are taken as reported, even ones Faultline
 * would never create (a toxicity of 1.5 set by another tool), so that reading state never fails.
 */
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {

    public Toxic {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @SuppressWarnings("unchecked")
    static Toxic fromJson(Map<String, Object> json) {
        Object toxicity = json.get("toxicity");
        Object attributes = json.get("attributes");
        return new Toxic(
                String.valueOf(json.get("name")),
                String.valueOf(json.get("type")),
                json.get("stream") == null ? "downstream" : String.valueOf(json.get("stream")),
                toxicity instanceof Number n ? n.doubleValue() : 1.0,
                attributes instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /** JSON-like form used in outputs and evidence. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("type", type);
        out.put("stream", stream);
        out.put("toxicity", toxicity);
        out.put("attributes", attributes);
        return out;
    }
}
