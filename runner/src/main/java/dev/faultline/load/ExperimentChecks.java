package dev.faultline.load;

import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ConfigValue;
import dev.faultline.experiment.Control;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.SecretValue;
import dev.faultline.experiment.Substitution;

import dev.faultline.experiment.SafetyBlocks;
import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.slo.SloCatalog;
import dev.faultline.safety.spec.SafetySpec;
import dev.faultline.safety.spec.SafetySpecParser;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that need the whole experiment: controls, environment values and variable references. */
final class ExperimentChecks {

    private final Problems problems;
    private final LoadOptions options;

    ExperimentChecks(Problems problems, ActivityReader activities, LoadOptions options) {
        this.problems = problems;
        this.options = options;
    }

    void check(Experiment experiment) {
        checkControls(experiment.controls());
        for (Activity activity : experiment.allActivities()) {
            checkControls(activity.controls());
        }
        checkEnvironment(experiment);
        checkReferences(experiment);
        checkSafety(experiment);
    }

    /** Configuration values known before the run: inline values, environment values (or defaults), overrides. */
    private Map<String, Object> knownConfiguration(Experiment experiment) {
        Map<String, Object> known = new java.util.LinkedHashMap<>();
        experiment.configuration().forEach((name, value) -> {
            if (value instanceof ConfigValue.Inline inline) {
                known.put(name, inline.value());
            } else if (value instanceof ConfigValue.Env env) {
                String text = options.env(env.key());
                if (text != null || env.hasDefault()) {
                    known.put(name, text != null ? text : env.defaultValue());
                }
            }
        });
        known.putAll(options.configurationOverrides());
        return known;
    }

    /** The safety block and the SLO files it names, read now so a typo never silently drops a guard. */
    private void checkSafety(Experiment experiment) {
        if (experiment.safety() == null) {
            return;
        }
        String source = experiment.source() == null ? "experiment" : experiment.source().toString();
        Path dir = experiment.source() == null || experiment.source().toAbsolutePath().getParent() == null
                ? Path.of("") : experiment.source().toAbsolutePath().getParent();
        try {
            SafetySpec spec = SafetySpecParser.parse(SafetyBlocks.substituted(experiment.safety(), knownConfiguration(experiment)), source);
            new SloCatalog(dir).resolve(spec.slos());
        } catch (SafetyConfigException e) {
            boolean inExperiment = source.equals(e.source()) && e.location() != null && e.location().startsWith("safety");
            String pointer = inExperiment ? "/" + e.location().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/') : "/safety/slos";
            problems.error(pointer, inExperiment ? e.problem() : e.getMessage(), e.fix() == null || e.fix().isEmpty() ? "see docs/safety.md" : e.fix());
        }
    }

    private void checkControls(List<Control> controls) {
        for (Control control : controls) {
            if (control.isSafeguards() || options.skippedControls().contains(control.module())) {
                continue;
            }
            problems.error(control.pointer(), "control module [" + control.module() + "] is not supported",
                    "Faultline runs `" + Control.SAFEGUARDS + "` natively (as guards); remove this control, or run without it"
                            + " using `--skip-control " + control.module() + "`");
        }
    }

    private void checkEnvironment(Experiment experiment) {
        experiment.configuration().forEach((name, value) -> {
            if (value instanceof ConfigValue.Env e && !e.hasDefault() && options.env(e.key()) == null
                    && !options.configurationOverrides().containsKey(name)) {
                report(Pointers.child("/configuration", name), "configuration [" + name + "] reads environment variable ["
                        + e.key() + "], which is not set and has no default", "export " + e.key() + "=... or add `default:`");
            }
        });
        experiment.secrets().forEach((scope, values) -> values.forEach((name, value) -> {
            if (value instanceof SecretValue.Env e && !e.hasDefault() && options.env(e.key()) == null) {
                report(Pointers.child(Pointers.child("/secrets", scope), name), "secret [" + scope + "." + name
                        + "] reads environment variable [" + e.key() + "], which is not set", "export " + e.key() + "=...");
            }
        }));
    }

    private void report(String pointer, String message, String hint) {
        if (options.checkEnvironment()) {
            problems.error(pointer, message, hint);
        } else {
            problems.warning(pointer, message + " on this machine", hint);
        }
    }

    private void checkReferences(Experiment experiment) {
        Set<String> known = new HashSet<>(experiment.configuration().keySet());
        experiment.secrets().values().forEach(values -> known.addAll(values.keySet()));
        known.addAll(options.configurationOverrides().keySet());
        options.secretOverrides().values().forEach(values -> known.addAll(values.keySet()));
        for (Activity activity : experiment.allActivities()) {
            for (String name : Substitution.references(activity.provider().arguments())) {
                if (!known.contains(name)) {
                    problems.warning(activity.pointer() + "/provider", "[" + name + "] is not defined in configuration or secrets;"
                            + " it will be passed as written", "define it under `configuration:` or pass `--var " + name + "=...`");
                }
            }
        }
    }
}
