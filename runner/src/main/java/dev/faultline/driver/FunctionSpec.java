package dev.faultline.driver;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a driver function is called and which arguments it takes, used both for validation (before
 * anything runs) and for the list of supported functions shown in errors and docs.
 *
 * @param names every name the function answers to: the Chaos Toolkit {@code module.func} name and/or
 *     the native {@code driver/func} name
 * @param kind whether it observes (probe), changes (action) or either
 * @param params the arguments it accepts
 * @param extraArguments whether arguments not in {@code params} are accepted (passed through)
 * @param summary one line for help and docs
 */
public record FunctionSpec(List<String> names, Kind kind, List<Param> params, boolean extraArguments,
                           String summary) {

    public enum Kind { PROBE, ACTION, ANY }

    public FunctionSpec {
        names = List.copyOf(names);
        params = List.copyOf(params);
        Objects.requireNonNull(kind, "kind");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a function needs at least one name");
        }
    }

    public static Builder probe(String... names) {
        return new Builder(Kind.PROBE, names);
    }

    public static Builder action(String... names) {
        return new Builder(Kind.ACTION, names);
    }

    public static Builder any(String... names) {
        return new Builder(Kind.ANY, names);
    }

    public String primaryName() {
        return names.get(0);
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public String signature() {
        return primaryName() + "(" + params.stream().map(Param::describe).collect(Collectors.joining(", ")) + ")";
    }

    /** Fluent builder so driver code reads like a signature. */
    public static final class Builder {
        private final Kind kind;
        private final List<String> names;
        private final java.util.ArrayList<Param> params = new java.util.ArrayList<>();
        private boolean extra;
        private String summary = "";

        private Builder(Kind kind, String... names) {
            this.kind = kind;
            this.names = List.of(names);
        }

        public Builder required(String name, Param.Type type) {
            params.add(Param.required(name, type));
            return this;
        }

        public Builder optional(String name, Param.Type type, Object defaultValue) {
            params.add(Param.optional(name, type, defaultValue));
            return this;
        }

        public Builder extraArguments() {
            this.extra = true;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public FunctionSpec build() {
            return new FunctionSpec(names, kind, params, extra, summary);
        }
    }
}
