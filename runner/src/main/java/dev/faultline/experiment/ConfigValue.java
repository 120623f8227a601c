package dev.faultline.experiment;

/** One {@code configuration} entry: inline, read from the environment, or produced by a probe. */
public sealed interface ConfigValue {

    /** A literal value. */
    record Inline(Object value) implements ConfigValue {
    }

    /**
     * {@code {type: env, key, default?, env_var_type?}}. Missing without a default is an error
     * before anything runs.
     *
     * @param envVarType {@code str}, {@code int}, {@code float}, {@code bool}, {@code json}, or {@code null}
     */
    record Env(String key, boolean hasDefault, Object defaultValue, String envVarType) implements ConfigValue {
    }

    /** {@code {type: probe, provider}}: resolved by running the probe before the experiment. */
    record FromProbe(String name, Provider provider) implements ConfigValue {
    }
}
