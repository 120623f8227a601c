package dev.faultline.experiment;

/** One secret: inline or read from the environment. Secrets never reach the journal. */
public sealed interface SecretValue {

    record Inline(Object value) implements SecretValue {
    }

    record Env(String key, boolean hasDefault, Object defaultValue) implements SecretValue {
    }
}
