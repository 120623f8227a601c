package dev.faultline.engine;

import dev.faultline.experiment.ConfigValue;
import dev.faultline.experiment.EnvVarTypes;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.SecretValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves an experiment's configuration and secrets into plain values, before anything else
 * runs: environment lookups (typed with {@code env_var_type}), probe-valued entries, and the
 * command line's {@code --var}/{@code --var-file} values, which always win.
 */
final class ConfigurationResolver {

    /** Runs a configuration probe; throws when it fails. */
    interface ProbeCaller {
        Object call(String name, Provider provider, Map<String, Object> configurationSoFar) throws Exception;
    }

    private final Function<String, String> environment;

    ConfigurationResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    Map<String, Object> configuration(Experiment experiment, Map<String, Object> overrides, ProbeCaller probes) throws Exception {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : experiment.configuration().entrySet()) {
            String name = entry.getKey();
            if (overrides.containsKey(name)) {
                resolved.put(name, overrides.get(name));
                continue;
            }
            ConfigValue value = entry.getValue();
            if (value instanceof ConfigValue.Inline inline) {
                resolved.put(name, inline.value());
            } else if (value instanceof ConfigValue.Env env) {
                resolved.put(name, env(name, env));
            } else if (value instanceof ConfigValue.FromProbe probe) {
                resolved.put(name, probes.call(probe.name() == null ? name : probe.name(), probe.provider(), resolved));
            }
        }
        overrides.forEach(resolved::putIfAbsent);
        return resolved;
    }

    Map<String, Map<String, Object>> secrets(Experiment experiment, Map<String, Map<String, Object>> overrides) {
        Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
        experiment.secrets().forEach((scope, values) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (value instanceof SecretValue.Inline inline) {
                    out.put(name, inline.value());
                } else if (value instanceof SecretValue.Env env) {
                    String text = environment.apply(env.key());
                    if (text == null && !env.hasDefault()) {
                        throw new IllegalStateException("secret [" + scope + "." + name + "] reads environment variable ["
                                + env.key() + "], which is not set; export it before running");
                    }
                    out.put(name, text == null ? env.defaultValue() : text);
                }
            });
            resolved.put(scope, out);
        });
        overrides.forEach((scope, values) -> resolved.computeIfAbsent(scope, s -> new LinkedHashMap<>()).putAll(values));
        return resolved;
    }

    private Object env(String name, ConfigValue.Env env) {
        String text = environment.apply(env.key());
        if (text == null) {
            if (!env.hasDefault()) {
                throw new IllegalStateException("configuration [" + name + "] reads environment variable [" + env.key()
                        + "], which is not set and has no default; export it or add `default:`");
            }
            return env.defaultValue() instanceof String s ? convert(name, env, s) : env.defaultValue();
        }
        return convert(name, env, text);
    }

    private static Object convert(String name, ConfigValue.Env env, String text) {
        try {
            return EnvVarTypes.convert(env.envVarType(), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration [" + name + "]: environment variable [" + env.key() + "] = "
                    + e.getMessage() + "; fix the variable or the env_var_type");
        }
    }
}
