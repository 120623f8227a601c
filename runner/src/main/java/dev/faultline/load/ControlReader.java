package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.Control;
import dev.faultline.experiment.Safeguard;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code controls}, keeping their module so the loader can decide what Faultline runs. */
final class ControlReader {

    private ControlReader() {
    }

    /**
     * @param activities reads safeguard probes; {@code null} where safeguards are not expected (activity level)
     */
    static List<Control> read(JsonNode node, String at, Problems problems, ActivityReader activities) {
        List<Control> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.error(at, "`controls` must be a list, but is " + Nodes.kind(node), null);
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode control = node.get(i);
            String here = Pointers.child(at, i);
            String name = control.path("name").asText(null);
            if (name == null) {
                problems.error(here, "a control needs a `name`", null);
            }
            JsonNode provider = control.get("provider");
            String module = provider == null ? null : provider.path("module").asText(null);
            if (module == null) {
                problems.error(here, "control [" + name + "] needs `provider: {type: python, module: ...}`", null);
                continue;
            }
            List<Safeguard> safeguards = new ArrayList<>();
            if (Control.SAFEGUARDS.equals(module) && activities != null) {
                safeguards = safeguards(provider.path("arguments").get("probes"), here + "/provider/arguments/probes", problems, activities);
            }
            out.add(new Control(name, module, safeguards, control, here));
        }
        return out;
    }

    private static List<Safeguard> safeguards(JsonNode probes, String at, Problems problems, ActivityReader activities) {
        List<Safeguard> out = new ArrayList<>();
        if (probes == null || !probes.isArray() || probes.isEmpty()) {
            problems.error(at, "a safeguards control needs `arguments.probes`: a list of probes with tolerances", null);
            return out;
        }
        for (int i = 0; i < probes.size(); i++) {
            JsonNode probe = probes.get(i);
            String here = Pointers.child(at, i);
            Activity activity = activities.read(probe, here, ActivityReader.Place.HYPOTHESIS);
            if (activity == null) {
                continue;
            }
            JsonNode frequency = probe.get("frequency");
            Double seconds = null;
            if (frequency != null && !frequency.isNull()) {
                if (!frequency.isNumber() || frequency.doubleValue() <= 0) {
                    problems.error(here + "/frequency", "safeguard `frequency` must be a positive number of seconds, but is [" + frequency + "]", null);
                } else {
                    seconds = frequency.doubleValue();
                }
            }
            out.add(new Safeguard(activity, seconds, probe.path("background").asBoolean(false)));
        }
        return out;
    }
}
