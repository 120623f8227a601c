package dev.faultline.safety.spec;

import dev.faultline.safety.blast.BlastRadiusPolicy;
import dev.faultline.safety.blast.LabelRequirement;
import dev.faultline.safety.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code safety.blast-radius}; missing keys keep {@link BlastRadiusPolicy#defaults()}. */
final class BlastRadiusParser {

    private BlastRadiusParser() {
    }

    static BlastRadiusPolicy parse(ConfigNode node) {
        BlastRadiusPolicy d = BlastRadiusPolicy.defaults();
        if (node.isMissing()) {
            return d;
        }
        node.onlyFields("allowed-namespaces", "protected-namespaces", "max-pods-per-action", "max-percentage",
                "require-label", "max-concurrent-faults", "max-total-fault-time");
        List<String> allowed = strings(node.get("allowed-namespaces"));
        Set<String> prot = new LinkedHashSet<>(strings(node.get("protected-namespaces")));
        for (String ns : allowed) {
            if (BlastRadiusPolicy.SYSTEM_NAMESPACES.contains(ns) || prot.contains(ns)) {
                throw node.get("allowed-namespaces").error("namespace [" + ns + "] is protected and cannot be allowed",
                        "remove it; faults never target " + BlastRadiusPolicy.SYSTEM_NAMESPACES + " or protected namespaces");
            }
        }
        int pods = node.has("max-pods-per-action") ? atLeastOne(node.get("max-pods-per-action")) : d.maxPodsPerAction();
        double percentage = node.has("max-percentage") ? node.get("max-percentage").percent() : d.maxPercentage();
        if (percentage <= 0) {
            throw node.get("max-percentage").error("[0] would refuse every fault", "write a percentage above 0, e.g. 50");
        }
        LabelRequirement label = null;
        if (node.has("require-label")) {
            try {
                label = LabelRequirement.parse(node.get("require-label").nonEmptyText("faultline.dev/chaos=enabled"));
            } catch (IllegalArgumentException e) {
                throw node.get("require-label").error(e.getMessage(), "write key=value, e.g. faultline.dev/chaos=enabled");
            }
        }
        int concurrent = node.has("max-concurrent-faults") ? atLeastOne(node.get("max-concurrent-faults")) : d.maxConcurrentFaults();
        Duration total = node.has("max-total-fault-time") ? node.get("max-total-fault-time").duration() : d.maxTotalFaultTime();
        return new BlastRadiusPolicy(allowed, prot, pods, percentage, label, concurrent, total);
    }

    private static List<String> strings(ConfigNode node) {
        List<String> out = new ArrayList<>();
        for (ConfigNode e : node.isMissing() ? List.<ConfigNode>of() : node.isArray() ? node.elements() : List.of(node)) {
            out.add(e.nonEmptyText("staging"));
        }
        return out;
    }

    private static int atLeastOne(ConfigNode node) {
        int v = node.integer();
        if (v < 1) {
            throw node.error("[" + v + "] must be at least 1", "write a whole number such as 2");
        }
        return v;
    }
}
