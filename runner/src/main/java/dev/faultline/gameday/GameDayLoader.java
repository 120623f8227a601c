package dev.faultline.gameday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.faultline.load.Nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads game-day files, with errors that name the file, the field and the fix. */
public final class GameDayLoader {

    /** A game-day file that cannot be used; the message says where and how to fix it. */
    public static final class InvalidGameDay extends Exception {
        InvalidGameDay(String message) {
            super(message);
        }
    }

    static final Set<String> FIELDS = Set.of("name", "description", "experiments", "configuration", "secrets", "safety",
            "on-deviation", "on-abort", "schedule", "$schema");
    static final Set<String> OUTCOMES = Set.of("held", "deviated", "not-met", "aborted", "refused", "interrupted", "error");

    private GameDayLoader() {
    }

    public static GameDay load(Path file) throws InvalidGameDay {
        return load(file, System::getenv);
    }

    /** Loads with {@code environment} for {@code {type: env}} values (read once, now). */
    public static GameDay load(Path file, Function<String, String> environment) throws InvalidGameDay {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidGameDay(file + ": cannot read it: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidGameDay(file + ": a game day must be a mapping with `name` and `experiments`");
        }
        for (java.util.Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidGameDay(file + ": unknown field [" + field + "]; a game day has " + new java.util.TreeSet<>(FIELDS));
            }
        }
        EnvValues env = new EnvValues(file, environment);
        String name = text(file, root, "name", true);
        JsonNode list = root.get("experiments");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidGameDay(file + ": `experiments` must list at least one experiment ({path: ..., vars: {...}})");
        }
        Path base = file.toAbsolutePath().getParent();
        List<GameDay.Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(file, base, list.get(i), i, env));
        }
        JsonNode safety = root.get("safety");
        if (safety != null && !safety.isNull()) {
            safety = env.resolveTree(safety, "safety");
            try {
                dev.faultline.safety.spec.SafetySpec spec = dev.faultline.safety.spec.SafetySpecParser.parse(safety, file.toString());
                new dev.faultline.safety.slo.SloCatalog(base).resolve(spec.slos());
            } catch (dev.faultline.safety.config.SafetyConfigException e) {
                throw new InvalidGameDay(e.getMessage());
            }
        }
        return new GameDay(file, name, text(file, root, "description", false),
                env.resolveAll(Nodes.toMap(root.get("configuration")), "configuration"),
                secrets(file, root.get("secrets"), env), safety == null || safety.isNull() ? null : safety, entries,
                continuation(file, root, "on-deviation"), continuation(file, root, "on-abort"), text(file, root, "schedule", false));
    }

    private static GameDay.Entry entry(Path file, Path base, JsonNode node, int index, EnvValues env) throws InvalidGameDay {
        String at = file + ": experiments[" + index + "]";
        JsonNode path = node.isTextual() ? node : node.get("path");
        if (path == null || !path.isTextual()) {
            throw new InvalidGameDay(at + " needs a `path` to an experiment file (relative to the game day)");
        }
        Path resolved = base.resolve(path.textValue()).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new InvalidGameDay(at + ": experiment file [" + path.textValue() + "] not found (looked at " + resolved + ")");
        }
        String expect = node.hasNonNull("expect") ? node.get("expect").asText().toLowerCase(Locale.ROOT) : null;
        if (expect != null && !OUTCOMES.contains(expect)) {
            throw new InvalidGameDay(at + ": expect [" + expect + "] is not an outcome; use one of " + new java.util.TreeSet<>(OUTCOMES));
        }
        JsonNode vars = node.get("vars");
        if (vars != null && !vars.isObject()) {
            throw new InvalidGameDay(at + ": `vars` must be a mapping of configuration names to values");
        }
        return new GameDay.Entry(resolved, env.resolveAll(Nodes.toMap(vars), "experiments[" + index + "].vars"), expect);
    }

    private static String text(Path file, JsonNode root, String field, boolean required) throws InvalidGameDay {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidGameDay(file + ": the game day needs a `" + field + "`");
            }
            return null;
        }
        return value.asText();
    }

    private static GameDay.Continuation continuation(Path file, JsonNode root, String field) throws InvalidGameDay {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return field.equals("on-abort") ? GameDay.Continuation.STOP : GameDay.Continuation.CONTINUE;
        }
        return switch (value.asText()) {
            case "continue" -> GameDay.Continuation.CONTINUE;
            case "stop" -> GameDay.Continuation.STOP;
            default -> throw new InvalidGameDay(file + ": `" + field + "` is [" + value.asText() + "]; use continue or stop");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> secrets(Path file, JsonNode node, EnvValues env) throws InvalidGameDay {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidGameDay(file + ": `secrets` must map scopes to name/value mappings");
        }
        for (Map.Entry<String, Object> scope : Nodes.toMap(node).entrySet()) {
            if (!(scope.getValue() instanceof Map<?, ?> values)) {
                throw new InvalidGameDay(file + ": secret scope [" + scope.getKey() + "] must be a mapping");
            }
            out.put(scope.getKey(), env.resolveAll((Map<String, Object>) values, "secrets." + scope.getKey()));
        }
        return out;
    }
}
