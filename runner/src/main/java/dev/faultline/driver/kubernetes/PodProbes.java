package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.Invocation;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code chaosk8s.pod.probes} functions, with chaostoolkit-kubernetes 0.39's arguments,
 * outputs and raise-or-return-false switches.
 */
final class PodProbes {

    private PodProbes() {
    }

    static Object inPhase(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        Arguments args = call.arguments();
        String phase = args.optionalString("phase").orElse("Running");
        boolean raise = args.optionalBool("raise_on_invalid_phase").orElse(true);
        List<Pod> pods = pods(cluster, args);
        if (pods.isEmpty()) {
            return fail(call, raise, noPods(args));
        }
        for (Pod pod : pods) {
            if (!phase.equals(Pods.phase(pod))) {
                return fail(call, raise, "pod [" + pod.getMetadata().getName() + "] is in phase [" + Pods.phase(pod)
                        + "] but should be [" + phase + "]");
            }
        }
        return true;
    }

    static Object notInPhase(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        Arguments args = call.arguments();
        String phase = args.optionalString("phase").orElse("Running");
        boolean raise = args.optionalBool("raise_on_in_phase").orElse(true);
        List<Pod> pods = pods(cluster, args);
        if (pods.isEmpty()) {
            return fail(call, raise, noPods(args));
        }
        for (Pod pod : pods) {
            if (phase.equals(Pods.phase(pod))) {
                return fail(call, raise, "pod [" + pod.getMetadata().getName() + "] should not be in phase [" + phase + "]");
            }
        }
        return true;
    }

    static Object inConditions(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        Arguments args = call.arguments();
        boolean raise = args.optionalBool("raise_on_invalid_conditions").orElse(true);
        List<Map<String, String>> wanted = conditions(call.function().primaryName(), args);
        List<Pod> pods = pods(cluster, args);
        if (pods.isEmpty()) {
            return fail(call, raise, noPods(args));
        }
        for (Pod pod : pods) {
            List<Map<String, String>> actual = Pods.conditions(pod).stream()
                    .map(c -> Map.of("type", String.valueOf(c.getType()), "status", String.valueOf(c.getStatus())))
                    .toList();
            for (Map<String, String> condition : wanted) {
                if (!actual.contains(condition)) {
                    return fail(call, raise, "pod [" + pod.getMetadata().getName()
                            + "] does not match the condition " + condition + "; it has " + actual);
                }
            }
        }
        return true;
    }

    static Object count(ClusterCall cluster, Invocation call) {
        String phase = call.arguments().optionalString("phase").orElse(null);
        return (int) pods(cluster, call.arguments()).stream()
                .filter(p -> phase == null || phase.isEmpty() || phase.equals(Pods.phase(p))).count();
    }

    static Object countMin(ClusterCall cluster, Invocation call) {
        String phase = call.arguments().optionalString("phase").orElse("Running");
        long min = call.arguments().optionalInteger("min_count").orElse(2L);
        long count = pods(cluster, call.arguments()).stream().filter(p -> phase.equals(Pods.phase(p))).count();
        return count >= min;
    }

    static Object allHealthy(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        Arguments args = call.arguments();
        boolean raise = args.optionalBool("raise_on_any_unhealthy").orElse(true);
        String namespace = args.optionalString("ns").orElse("default");
        Map<String, String> unhealthy = new LinkedHashMap<>();
        for (Pod pod : Pods.list(cluster.client(), namespace, null)) {
            String phase = Pods.phase(pod);
            if (!"Running".equals(phase) && !"Succeeded".equals(phase)) {
                unhealthy.put(pod.getMetadata().getName(), String.valueOf(phase));
            }
        }
        if (!unhealthy.isEmpty()) {
            return fail(call, raise, "the system is unhealthy: pods not running in namespace [" + namespace + "]: "
                    + unhealthy);
        }
        return true;
    }

    static Object notAvailable(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        Arguments args = call.arguments();
        String name = args.string("name");
        boolean raise = args.optionalBool("raise_on_is_available").orElse(true);
        String selector = args.optionalString("label_selector").orElse("name in ({name})").replace("{name}", name);
        String namespace = args.optionalString("ns").orElse("default");
        for (Pod pod : Pods.list(cluster.client(), namespace, selector)) {
            if ("Running".equals(Pods.phase(pod))) {
                return fail(call, raise, "pod [" + pod.getMetadata().getName() + "] of [" + name + "] is actually running");
            }
        }
        return true;
    }

    private static List<Pod> pods(ClusterCall cluster, Arguments args) {
        return Pods.list(cluster.client(), args.optionalString("ns").orElse("default"),
                args.optionalString("label_selector").orElse(null));
    }

    private static String noPods(Arguments args) {
        return "no pods matching [" + args.optionalString("label_selector").orElse("") + "] were found in namespace ["
                + args.optionalString("ns").orElse("default") + "]";
    }

    private static List<Map<String, String>> conditions(String function, Arguments args) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Object item : args.optionalList("conditions").orElse(List.of())) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(function + ": every entry of argument [conditions] must be a mapping"
                        + " like {type: Ready, status: \"True\"}, but one was [" + item + "]");
            }
            Map<String, String> condition = new LinkedHashMap<>();
            map.forEach((k, v) -> condition.put(String.valueOf(k), conditionValue(v)));
            out.add(condition);
        }
        return out;
    }

    /** YAML turns an unquoted {@code True} into a boolean; the API server says {@code "True"}. */
    private static String conditionValue(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    static Object fail(Invocation call, boolean raise, String message) throws ActivityFailedException {
        if (raise) {
            throw new ActivityFailedException(call.function().primaryName() + ": " + message);
        }
        return false;
    }
}
