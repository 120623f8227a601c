package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed JSON or YAML file: the tree, and where each element of it was written.
 *
 * @param locations JSON pointer to the position of the value (for object members: of the key)
 */
public record SourceDocument(Path file, JsonNode root, Map<String, Location> locations) {

    public SourceDocument {
        locations = Map.copyOf(locations);
    }

    /** The position of {@code pointer}, or of its closest ancestor that has one. */
    public Location locate(String pointer) {
        String current = pointer == null ? "" : pointer;
        while (true) {
            Location found = locations.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return Location.UNKNOWN;
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }
}
