package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.kubernetes.PodSelection.Mode;
import dev.faultline.driver.kubernetes.PodSelection.Order;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pod kill as asked for, whichever name it was called by.
 *
 * @param labelSelector Kubernetes label selector, or {@code null} for every pod of the namespace
 * @param gracePeriodSeconds {@code null} for each pod's own grace period
 * @param seed seed for random order, or {@code null} to use the run's
 */
record PodKillRequest(String namespace, String labelSelector, PodSelection selection, Long gracePeriodSeconds,
                      Long seed) {

    PodKillRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(selection, "selection");
        labelSelector = labelSelector == null || labelSelector.isBlank() ? null : labelSelector;
    }

    /** {@code chaosk8s.pod.actions.terminate_pods}. */
    static PodKillRequest terminatePods(String function, Arguments args) {
        Mode mode = args.optionalBool("all").orElse(false) ? Mode.ALL
                : Mode.parse(function, "mode", args.optionalString("mode").orElse("fixed"),
                        List.of(Mode.FIXED, Mode.PERCENTAGE));
        Order order = Order.parse(function, "order", args.optionalString("order").orElse("alphabetic"),
                List.of(Order.ALPHABETIC, Order.OLDEST));
        if (args.optionalBool("rand").orElse(false)) {
            order = Order.RANDOM;
        }
        long grace = args.optionalInteger("grace_period").orElse(-1L);
        PodSelection selection = new PodSelection(pattern(function, "name_pattern", args.optionalString("name_pattern")
                .orElse(null)), mode, quantity(function, "qty", args.optionalInteger("qty").orElse(1L)), order);
        return new PodKillRequest(args.optionalString("ns").orElse("default"),
                args.optionalString("label_selector").orElse(null), selection, grace < 0 ? null : grace, null);
    }

    /** {@code chaosk8s.pod.actions.delete_pods}: one pod whose name contains {@code name}. */
    static PodKillRequest deletePods(String function, Arguments args) {
        PodSelection selection = new PodSelection(pattern(function, "name", args.optionalString("name").orElse(null)),
                Mode.FIXED, 1, Order.ALPHABETIC);
        return new PodKillRequest(args.optionalString("ns").orElse("default"),
                args.optionalString("label_selector").orElse(null), selection, null, null);
    }

    /** {@code kubernetes/kill-pods}: a selector or a name pattern is required. */
    static PodKillRequest killPods(String function, Arguments args) {
        String selector = args.optionalString("selector").filter(s -> !s.isBlank()).orElse(null);
        String namePattern = args.optionalString("name-pattern").filter(s -> !s.isBlank()).orElse(null);
        String namespace = args.optionalString("namespace").orElse("default");
        if (selector == null && namePattern == null) {
            throw new IllegalArgumentException(function + ": give [selector] or [name-pattern] to choose pods in namespace ["
                    + namespace + "]; killing any pod of a namespace is not allowed");
        }
        Mode mode = Mode.parse(function, "mode", args.optionalString("mode").orElse("fixed"), List.of(Mode.values()));
        Order order = Order.parse(function, "order", args.optionalString("order").orElse("random"),
                List.of(Order.values()));
        Long grace = args.optionalInteger("grace-period").orElse(null);
        if (grace != null && grace < 0) {
            throw new IllegalArgumentException(function + ": argument [grace-period] must be 0 or more seconds, but was ["
                    + grace + "]; leave it out to use each pod's own grace period");
        }
        PodSelection selection = new PodSelection(pattern(function, "name-pattern", namePattern), mode,
                quantity(function, "qty", args.optionalInteger("qty").orElse(1L)), order);
        return new PodKillRequest(namespace, selector, selection, grace, args.optionalInteger("seed").orElse(null));
    }

    /** Stable identity of what this request touches, relative to the cluster. */
    String targetPath() {
        StringBuilder path = new StringBuilder("/namespaces/").append(namespace).append("/pods");
        String sep = "?";
        if (labelSelector != null) {
            path.append(sep).append("selector=").append(labelSelector);
            sep = "&";
        }
        if (selection.namePattern() != null) {
            path.append(sep).append("name=").append(selection.namePattern().pattern());
        }
        return path.toString();
    }

    /** e.g. "pods matching [app=web] and name [^web-]" or "every pod". */
    String describeMatch() {
        String labels = labelSelector == null ? "" : "[" + labelSelector + "]";
        String name = selection.namePattern() == null ? "" : "name [" + selection.namePattern().pattern() + "]";
        if (labels.isEmpty() && name.isEmpty()) {
            return "any pod";
        }
        return "pods matching " + labels + (labels.isEmpty() || name.isEmpty() ? "" : " and ") + name;
    }

    private static long quantity(String function, String argument, long qty) {
        if (qty < 0) {
            throw new IllegalArgumentException(function + ": cannot select pods: argument [" + argument + "] is negative ["
                    + qty + "]");
        }
        return qty;
    }

    private static Pattern pattern(String function, String argument, String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(function + ": argument [" + argument + "] is not a valid regular expression ["
                    + regex + "]: " + e.getDescription());
        }
    }
}
