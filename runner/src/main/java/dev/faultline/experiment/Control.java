package dev.faultline.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Chaos Toolkit control: a hook around the run. Faultline runs the safeguards control natively
 * (mapped onto its guards); other control modules are rejected unless skipped explicitly.
 *
 * @param module the python module of the control's provider, e.g. {@code chaosaddons.controls.safeguards}
 * @param safeguards the probes of a safeguards control; empty for other controls
 * @param document the control as written
 */
public record Control(String name, String module, java.util.List<Safeguard> safeguards, JsonNode document, String pointer) {

    public Control {
        safeguards = java.util.List.copyOf(safeguards);
    }

    public static final String SAFEGUARDS = "chaosaddons.controls.safeguards";

    public boolean isSafeguards() {
        return SAFEGUARDS.equals(module);
    }
}
