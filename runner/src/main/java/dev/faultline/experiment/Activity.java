package dev.faultline.experiment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One probe or action.
 *
 * @param pointer JSON pointer of the activity in its file, for messages (e.g. {@code /method/2})
 * @param document the activity as written (for the journal)
 * @param timeoutSeconds enforced deadline, or {@code null} for the engine default
 * @param tolerance only for steady-state hypothesis probes; {@code null} elsewhere
 * @param ref the name this activity was referenced by ({@code {"ref": name}}), or {@code null}
 */
public record Activity(
        ActivityType type,
        String name,
        Provider provider,
        boolean background,
        Pauses pauses,
        Double timeoutSeconds,
        Tolerance tolerance,
        List<Control> controls,
        String pointer,
        JsonNode document,
        String ref) {

    public Activity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        pauses = pauses == null ? Pauses.NONE : pauses;
        controls = List.copyOf(controls);
    }

    public boolean isProbe() {
        return type == ActivityType.PROBE;
    }

    /** The same activity reached through a {@code ref} at another place of the file. */
    public Activity referencedAt(String refPointer, String refName) {
        return new Activity(type, name, provider, background, pauses, timeoutSeconds, tolerance, controls,
                refPointer, document, refName);
    }
}
