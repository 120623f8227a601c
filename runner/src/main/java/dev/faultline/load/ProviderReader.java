package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.experiment.HttpProvider;
import dev.faultline.experiment.NativeProvider;
import dev.faultline.experiment.ProcessProvider;
import dev.faultline.experiment.Provider;
import dev.faultline.experiment.PythonProvider;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an activity's {@code provider} and checks it names a function Faultline can run. */
final class ProviderReader {

    private static final Set<String> HTTP_KEYS = Set.of("type", "url", "method", "headers", "arguments", "timeout",
            "verify_tls", "max_retries", "expected_status", "secrets");
    private static final Set<String> PROCESS_KEYS = Set.of("type", "path", "arguments", "timeout", "secrets");
    private static final Set<String> PYTHON_KEYS = Set.of("type", "module", "func", "arguments", "secrets");
    private static final Set<String> NATIVE_KEYS = Set.of("type", "func", "arguments", "secrets");

    private final Problems problems;
    private final FunctionChecker functions;
    private final DriverRegistry registry;
    private final LoadOptions options;

    ProviderReader(Problems problems, DriverRegistry registry, LoadOptions options) {
        this.problems = problems;
        this.registry = registry;
        this.options = options;
        this.functions = new FunctionChecker(problems, registry);
    }

    Provider read(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            problems.error(at.substring(0, at.lastIndexOf('/')), "the activity has no `provider`",
                    "add a provider, e.g. `provider: {type: http, url: \"http://localhost:8080/health\"}`");
            return null;
        }
        if (!node.isObject()) {
            problems.error(at, "`provider` must be a mapping, but is " + Nodes.kind(node), null);
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            problems.error(at, "the provider has no `type`", "use http, process, python or a Faultline driver: " + nativeTypes());
            return null;
        }
        List<String> secrets = secretScopes(node.get("secrets"), at + "/secrets");
        return switch (type.textValue()) {
            case "http" -> http(node, at, secrets);
            case "process" -> process(node, at, secrets);
            case "python" -> python(node, at, secrets);
            default -> nativeProvider(node, at, type.textValue(), secrets);
        };
    }

    private Provider http(JsonNode node, String at, List<String> secrets) {
        unknownKeys(node, at, HTTP_KEYS);
        requireText(node, at, "url", "add the `url` to call, e.g. \"http://localhost:8080/health\"");
        if (node.has("expected_status")) {
            problems.warning(at + "/expected_status", "`expected_status` is ignored (Chaos Toolkit ignores it too)",
                    "check the status with a tolerance instead, e.g. `tolerance: 200`");
        }
        checkHttpTimeout(node.get("timeout"), at + "/timeout");
        checkType(node, at, "headers", JsonNode::isObject, "a mapping of header names to values");
        checkType(node, at, "verify_tls", JsonNode::isBoolean, "true or false");
        checkType(node, at, "max_retries", n -> n.isIntegralNumber() && n.intValue() >= 0, "a whole number >= 0");
        checkType(node, at, "method", JsonNode::isTextual, "an HTTP method such as GET or POST");
        Map<String, Object> fields = Nodes.toMap(node);
        fields.remove("type");
        fields.remove("secrets");
        fields.remove("expected_status");
        return new HttpProvider(fields, secrets);
    }

    private Provider process(JsonNode node, String at, List<String> secrets) {
        unknownKeys(node, at, PROCESS_KEYS);
        String path = requireText(node, at, "path", "add the executable's `path` (a name on PATH or an absolute path)");
        JsonNode args = node.get("arguments");
        if (args != null && !(args.isArray() || args.isTextual() || args.isObject() || args.isNull())) {
            problems.error(at + "/arguments", "process `arguments` must be a list (preferred) or a string, but is " + Nodes.kind(args),
                    "write `arguments: [\"-c\", \"1\"]`");
        }
        checkType(node, at, "timeout", n -> n.isNumber() && n.doubleValue() > 0, "a positive number of seconds");
        if (path != null && Executables.resolve(path).isEmpty()) {
            String message = "executable [" + path + "] was not found on PATH";
            String hint = "install it, or give its absolute path";
            if (options.checkEnvironment()) {
                problems.error(at + "/path", message, hint);
            } else {
                problems.warning(at + "/path", message + " on this machine", hint);
            }
        }
        Map<String, Object> fields = Nodes.toMap(node);
        fields.remove("type");
        fields.remove("secrets");
        return new ProcessProvider(fields, secrets);
    }

    private Provider python(JsonNode node, String at, List<String> secrets) {
        unknownKeys(node, at, PYTHON_KEYS);
        String module = requireText(node, at, "module", "add the `module`, e.g. chaosk8s.pod.actions");
        String func = requireText(node, at, "func", "add the `func`, e.g. terminate_pods");
        JsonNode args = node.get("arguments");
        if (args != null && !args.isObject() && !args.isNull()) {
            problems.error(at + "/arguments", "`arguments` must be a mapping, but is " + Nodes.kind(args), null);
            args = null;
        }
        if (module == null || func == null) {
            return null;
        }
        PythonProvider provider = new PythonProvider(module, func, Nodes.toMap(args), secrets);
        functions.check(provider.function(), "python function", args, at);
        return provider;
    }

    private Provider nativeProvider(JsonNode node, String at, String type, List<String> secrets) {
        if (registry.names(type + "/").isEmpty()) {
            problems.error(at + "/type", "provider type [" + type + "] is not supported",
                    "use http, process, python or a Faultline driver: " + nativeTypes());
            return null;
        }
        unknownKeys(node, at, NATIVE_KEYS);
        String func = requireText(node, at, "func", "add `func`; " + type + " offers: " + String.join(", ", registry.names(type + "/")));
        JsonNode args = node.get("arguments");
        if (args != null && !args.isObject() && !args.isNull()) {
            problems.error(at + "/arguments", "`arguments` must be a mapping, but is " + Nodes.kind(args), null);
            args = null;
        }
        if (func == null) {
            return null;
        }
        NativeProvider provider = new NativeProvider(type, func, Nodes.toMap(args), secrets);
        functions.check(provider.function(), type + " function", args, at);
        return provider;
    }

    private String nativeTypes() {
        Set<String> types = new java.util.TreeSet<>();
        for (String name : registry.names(null)) {
            int slash = name.indexOf('/');
            if (slash > 0) {
                types.add(name.substring(0, slash));
            }
        }
        return types.isEmpty() ? "(none)" : String.join(", ", types);
    }

    private List<String> secretScopes(JsonNode node, String at) {
        List<String> scopes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return scopes;
        }
        if (node.isTextual()) {
            scopes.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(scope -> scopes.add(scope.asText()));
        } else {
            problems.error(at, "provider `secrets` must be a list of secret scope names", "write `secrets: [kubernetes]`");
        }
        return scopes;
    }

    private void checkHttpTimeout(JsonNode node, String at) {
        if (node == null || node.isNull() || Nodes.isTemplate(node)) {
            return;
        }
        boolean ok = (node.isNumber() && node.doubleValue() > 0)
                || (node.isArray() && node.size() == 2 && node.get(0).isNumber() && node.get(1).isNumber());
        if (!ok) {
            problems.error(at, "http `timeout` must be seconds or [connect, read] seconds, but is [" + node + "]",
                    "write `timeout: 3` or `timeout: [1, 5]`");
        }
    }

    private void checkType(JsonNode node, String at, String field, java.util.function.Predicate<JsonNode> ok, String expected) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !Nodes.isTemplate(value) && !ok.test(value)) {
            problems.error(at + "/" + field, "`" + field + "` must be " + expected + ", but is [" + value + "]", null);
        }
    }

    private String requireText(JsonNode node, String at, String field, String hint) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            problems.error(value == null ? at : at + "/" + field, "the provider has no `" + field + "`", hint);
            return null;
        }
        return value.textValue();
    }

    private void unknownKeys(JsonNode node, String at, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.warning(Pointers.child(at, name), "unknown provider key [" + name + "] is ignored",
                        "known keys here: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }
}
