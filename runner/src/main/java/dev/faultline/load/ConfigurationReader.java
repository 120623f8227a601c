package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.experiment.ConfigValue;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.SecretValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads {@code configuration} and {@code secrets} in their inline, environment and probe forms. */
final class ConfigurationReader {

    static final Set<String> ENV_TYPES = Set.of("str", "string", "int", "integer", "float", "number", "bytes", "bool", "json");

    private final Problems problems;
    private final ProviderReader providers;

    ConfigurationReader(Problems problems, ProviderReader providers) {
        this.problems = problems;
        this.providers = providers;
    }

    Map<String, ConfigValue> configuration(JsonNode node) {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.error("/configuration", "`configuration` must be a mapping of names to values, but is " + Nodes.kind(node), null);
            return out;
        }
        node.fields().forEachRemaining(entry -> {
            String at = Pointers.child("/configuration", entry.getKey());
            ConfigValue value = configValue(entry.getValue(), at);
            if (value != null) {
                out.put(entry.getKey(), value);
            }
        });
        return out;
    }

    private ConfigValue configValue(JsonNode value, String at) {
        if (value.isObject() && value.has("type")) {
            String type = value.get("type").asText();
            if (type.equals("env")) {
                return env(value, at);
            }
            if (type.equals("probe")) {
                Provider provider = providers.read(value.get("provider"), at + "/provider");
                return provider == null ? null : new ConfigValue.FromProbe(value.path("name").asText(null), provider);
            }
        }
        return new ConfigValue.Inline(Nodes.toJava(value));
    }

    private ConfigValue.Env env(JsonNode value, String at) {
        JsonNode key = value.get("key");
        if (key == null || !key.isTextual() || key.textValue().isBlank()) {
            problems.error(at, "an env configuration value needs the environment variable's `key`", "write `{type: env, key: MY_VAR}`");
            return null;
        }
        String envType = value.hasNonNull("env_var_type") ? value.get("env_var_type").asText() : null;
        if (envType != null && !ENV_TYPES.contains(envType)) {
            problems.error(at + "/env_var_type", "env_var_type [" + envType + "] is not known", "use one of: " + String.join(", ", new java.util.TreeSet<>(ENV_TYPES)));
            return null;
        }
        return new ConfigValue.Env(key.textValue(), value.has("default"), Nodes.toJava(value.get("default")), envType);
    }

    Map<String, Map<String, SecretValue>> secrets(JsonNode node) {
        Map<String, Map<String, SecretValue>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.error("/secrets", "`secrets` must be a mapping of scopes to mappings of names to values", null);
            return out;
        }
        node.fields().forEachRemaining(scope -> {
            String at = Pointers.child("/secrets", scope.getKey());
            if (!scope.getValue().isObject()) {
                problems.error(at, "secret scope [" + scope.getKey() + "] must be a mapping of names to values", null);
                return;
            }
            if (isVault(scope.getValue())) {
                problems.error(at, "Vault secrets are not supported", vaultHint());
                return;
            }
            Map<String, SecretValue> values = new LinkedHashMap<>();
            scope.getValue().fields().forEachRemaining(entry -> {
                SecretValue secret = secretValue(entry.getValue(), Pointers.child(at, entry.getKey()));
                if (secret != null) {
                    values.put(entry.getKey(), secret);
                }
            });
            out.put(scope.getKey(), values);
        });
        return out;
    }

    private SecretValue secretValue(JsonNode value, String at) {
        if (value.isObject() && value.has("type")) {
            String type = value.get("type").asText();
            if (type.equals("env")) {
                JsonNode key = value.get("key");
                if (key == null || !key.isTextual()) {
                    problems.error(at, "an env secret needs the environment variable's `key`", "write `{type: env, key: API_TOKEN}`");
                    return null;
                }
                return new SecretValue.Env(key.textValue(), value.has("default"), Nodes.toJava(value.get("default")));
            }
            if (isVault(value)) {
                problems.error(at, "Vault secrets are not supported", vaultHint());
                return null;
            }
        }
        return new SecretValue.Inline(Nodes.toJava(value));
    }

    private static boolean isVault(JsonNode node) {
        return "vault".equals(node.path("type").asText(null));
    }

    private static String vaultHint() {
        return "export the secret into an environment variable (e.g. with `vault kv get -field=...`) and use `{type: env, key: NAME}`";
    }
}
