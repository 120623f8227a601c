package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ActivityType;
import dev.faultline.experiment.Control;
import dev.faultline.experiment.Pauses;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.Tolerance;

import java.util.ArrayList;
import java.util.List;

/** Reads activities (and {@code ref}s to them) wherever they appear. */
final class ActivityReader {

    /** Where an activity sits decides what it may hold (tolerances only in the hypothesis). */
    enum Place { HYPOTHESIS, METHOD, ROLLBACKS, TOLERANCE, CONFIGURATION }

    private final Problems problems;
    private final ProviderReader providers;
    private final ToleranceReader tolerances;

    ActivityReader(Problems problems, ProviderReader providers) {
        this.problems = problems;
        this.providers = providers;
        this.tolerances = new ToleranceReader(problems, providers);
    }

    List<Activity> list(JsonNode node, String pointer, Place place) {
        List<Activity> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (place == Place.HYPOTHESIS) {
                problems.error(pointer, "the steady-state hypothesis has no `probes`", "list at least one probe with a tolerance");
            }
            return out;
        }
        if (!node.isArray()) {
            problems.error(pointer, "expected a list of activities, but found " + Nodes.kind(node), "write each activity as a list item (`- type: probe`)");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            Activity activity = read(node.get(i), Pointers.child(pointer, i), place);
            if (activity != null) {
                out.add(activity);
            }
        }
        return out;
    }

    Activity read(JsonNode node, String at, Place place) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            problems.error(at, "an activity must be a mapping with type, name and provider, but is " + Nodes.kind(node), null);
            return null;
        }
        if (node.has("ref")) {
            JsonNode ref = node.get("ref");
            if (!ref.isTextual() || ref.textValue().isEmpty()) {
                problems.error(at + "/ref", "a `ref` must be the non-empty name of another activity", null);
                return null;
            }
            return RefResolver.placeholder(ref.textValue(), at, node);
        }
        ActivityType type = type(node, at, place);
        String name = name(node, at);
        Provider provider = providers.read(node.get("provider"), at + "/provider");
        boolean background = bool(node, at, "background");
        Pauses pauses = pauses(node.get("pauses"), at + "/pauses");
        Double timeout = timeout(node.get("timeout"), at + "/timeout");
        Tolerance tolerance = null;
        if (place != Place.HYPOTHESIS && node.has("tolerance")) {
            problems.warning(at + "/tolerance", "a tolerance outside the steady-state hypothesis is not checked (nor by Chaos Toolkit)",
                    "move the probe into `steady-state-hypothesis` if its result should decide the run");
        }
        if (place == Place.HYPOTHESIS) {
            if (!node.has("tolerance")) {
                problems.error(at, "hypothesis probe [" + (name == null ? "?" : name) + "] has no `tolerance`",
                        "add a tolerance, e.g. `tolerance: 200` for an http probe");
            } else {
                tolerance = tolerances.read(node.get("tolerance"), at + "/tolerance");
            }
        }
        List<Control> controls = ControlReader.read(node.get("controls"), at + "/controls", problems, null);
        if (type == null || name == null || provider == null) {
            return null;
        }
        return new Activity(type, name, provider, background, pauses, timeout, tolerance, controls, at, node, null);
    }

    private ActivityType type(JsonNode node, String at, Place place) {
        JsonNode type = node.get("type");
        if (type == null) {
            if (place == Place.HYPOTHESIS || place == Place.TOLERANCE || place == Place.CONFIGURATION) {
                return ActivityType.PROBE;
            }
            problems.error(at, "the activity has no `type`", "add `type: probe` or `type: action`");
            return null;
        }
        String text = type.asText();
        if (text.equals("probe")) {
            return ActivityType.PROBE;
        }
        if (text.equals("action")) {
            if (place == Place.HYPOTHESIS) {
                problems.error(at + "/type", "the steady-state hypothesis may only hold probes, not actions",
                        "move the action into `method`, or make it a probe");
            }
            return ActivityType.ACTION;
        }
        problems.error(at + "/type", "activity type [" + text + "] is not supported", "use `probe` or `action`");
        return null;
    }

    private String name(JsonNode node, String at) {
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            problems.error(at, "the activity has no `name`", "add a `name`: it identifies the activity in journals and refs");
            return null;
        }
        return name.textValue();
    }

    private boolean bool(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.error(at + "/" + field, "`" + field + "` must be true or false, but is " + Nodes.kind(value), null);
            return false;
        }
        return value.booleanValue();
    }

    private Pauses pauses(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Pauses.NONE;
        }
        if (!node.isObject()) {
            problems.error(at, "`pauses` must be a mapping with `before` and/or `after` seconds", "write `pauses: {after: 5}`");
            return Pauses.NONE;
        }
        return new Pauses(seconds(node.get("before"), at + "/before"), seconds(node.get("after"), at + "/after"));
    }

    private Object seconds(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            if (node.doubleValue() < 0) {
                problems.error(at, "a pause cannot be negative [" + node.asText() + "]", null);
                return null;
            }
            return node.numberValue();
        }
        if (node.isTextual() && node.textValue().startsWith("${") && node.textValue().endsWith("}")) {
            return node.textValue();
        }
        problems.error(at, "a pause must be a number of seconds or a \"${variable}\", but is [" + node.asText() + "]", null);
        return null;
    }

    private Double timeout(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() <= 0) {
            problems.error(at, "an activity `timeout` must be a positive number of seconds, but is [" + node.asText() + "]",
                    "write e.g. `timeout: 30`");
            return null;
        }
        return node.doubleValue();
    }
}
