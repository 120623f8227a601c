package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ActivityType;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Hypothesis;
import dev.faultline.experiment.NativeProvider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code {"ref": name}} activities by the activity of that name (from the hypothesis
 * probes, the method or the rollbacks; the first one declared wins, as in Chaos Toolkit).
 */
final class RefResolver {

    /** Marks an unresolved ref while reading; never survives {@link #resolve}. */
    private static final String REF_MARKER = "__ref__";

    private final Problems problems;

    RefResolver(Problems problems) {
        this.problems = problems;
    }

    static Activity placeholder(String name, String pointer, JsonNode document) {
        return new Activity(ActivityType.PROBE, name, new NativeProvider(REF_MARKER, name, Map.of(), List.of()),
                false, null, null, null, List.of(), pointer, document, name);
    }

    private static boolean isPlaceholder(Activity activity) {
        return activity.provider() instanceof NativeProvider p && p.type().equals(REF_MARKER);
    }

    Experiment resolve(Experiment experiment) {
        Map<String, Activity> byName = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Activity activity : experiment.allActivities()) {
            if (!isPlaceholder(activity)) {
                byName.putIfAbsent(activity.name(), activity);
                counts.merge(activity.name(), 1, Integer::sum);
            }
        }
        Hypothesis hypothesis = experiment.hypothesis() == null ? null
                : new Hypothesis(experiment.hypothesis().title(), resolveAll(experiment.hypothesis().probes(), byName, counts));
        return new Experiment(experiment.source(), experiment.document(), experiment.title(), experiment.description(),
                experiment.tags(), experiment.contributions(), experiment.configuration(), experiment.secrets(), hypothesis,
                resolveAll(experiment.method(), byName, counts), resolveAll(experiment.rollbacks(), byName, counts),
                experiment.controls(), experiment.runtime(), experiment.safety());
    }

    private List<Activity> resolveAll(List<Activity> activities, Map<String, Activity> byName, Map<String, Integer> counts) {
        List<Activity> out = new ArrayList<>();
        for (Activity activity : activities) {
            if (!isPlaceholder(activity)) {
                out.add(activity);
                continue;
            }
            String name = activity.ref();
            Activity target = byName.get(name);
            if (target == null) {
                problems.error(activity.pointer() + "/ref", "referenced activity [" + name + "] is not declared in this experiment",
                        "declare an activity named [" + name + "] in the hypothesis, method or rollbacks, or fix the name");
                continue;
            }
            if (counts.getOrDefault(name, 0) > 1) {
                problems.warning(activity.pointer() + "/ref", "several activities are named [" + name + "]; the ref uses the first one (at "
                        + target.pointer() + ")", "give activities distinct names");
            }
            out.add(target.referencedAt(activity.pointer(), name));
        }
        return out;
    }
}
