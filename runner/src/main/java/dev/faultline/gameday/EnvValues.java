package dev.faultline.gameday;

import dev.faultline.experiment.EnvVarTypes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a game day's {@code {type: env, key, default?, env_var_type?}} values once, when it is
 * loaded, so the same file works on a CI runner and inside a cluster.
 */
final class EnvValues {

    private final Path file;
    private final Function<String, String> environment;

    EnvValues(Path file, Function<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    Map<String, Object> resolveAll(Map<String, Object> values, String where) throws GameDayLoader.InvalidGameDay {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            out.put(entry.getKey(), resolve(entry.getValue(), where + "." + entry.getKey()));
        }
        return out;
    }

    /** Resolves every {@code {type: env}} mapping anywhere inside a tree (the game day's safety block). */
    com.fasterxml.jackson.databind.JsonNode resolveTree(com.fasterxml.jackson.databind.JsonNode node, String where)
            throws GameDayLoader.InvalidGameDay {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Object plain = dev.faultline.load.Nodes.toJava(node);
        return json.valueToTree(resolveDeep(plain, where));
    }

    private Object resolveDeep(Object value, String where) throws GameDayLoader.InvalidGameDay {
        if (value instanceof Map<?, ?> map && "env".equals(map.get("type")) && map.get("key") instanceof String) {
            return resolve(value, where);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), resolveDeep(e.getValue(), where + "." + e.getKey()));
            }
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(resolveDeep(list.get(i), where + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }

    Object resolve(Object value, String where) throws GameDayLoader.InvalidGameDay {
        if (!(value instanceof Map<?, ?> map) || !"env".equals(map.get("type")) || !(map.get("key") instanceof String key)) {
            return value;
        }
        String text = environment.apply(key);
        if (text == null) {
            if (!map.containsKey("default")) {
                throw new GameDayLoader.InvalidGameDay(file + ": " + where + " reads environment variable [" + key
                        + "], which is not set and has no default; export it or add `default:`");
            }
            Object fallback = map.get("default");
            if (!(fallback instanceof String)) {
                return fallback;
            }
            text = (String) fallback;
        }
        Object type = map.get("env_var_type");
        try {
            return EnvVarTypes.convert(type == null ? null : type.toString(), text);
        } catch (IllegalArgumentException e) {
            throw new GameDayLoader.InvalidGameDay(file + ": " + where + ": environment variable [" + key + "] = " + e.getMessage());
        }
    }
}
