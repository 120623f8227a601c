package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of {@code --var key[:type]=value} and {@code --var-file} (JSON or YAML with
 * {@code configuration} and {@code secrets} keys, or a {@code .env} file of variables), merged in
 * order: later files and {@code --var} win.
 */
record Variables(Map<String, Object> configuration, Map<String, Map<String, Object>> secrets, Map<String, String> environment) {

    /** A bad {@code --var} or {@code --var-file}: exit code 2 with this message. */
    static final class BadVariable extends Exception {
        BadVariable(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    static Variables parse(List<String> vars, List<Path> files) throws BadVariable {
        Map<String, Object> configuration = new LinkedHashMap<>();
        Map<String, Map<String, Object>> secrets = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".env")) {
                environment.putAll(envFile(file));
                continue;
            }
            Map<String, Object> content = structured(file, name);
            Object config = content.get("configuration");
            if (config instanceof Map<?, ?> map) {
                configuration.putAll((Map<String, Object>) map);
            }
            Object scopes = content.get("secrets");
            if (scopes instanceof Map<?, ?> map) {
                map.forEach((scope, values) -> {
                    if (values instanceof Map<?, ?> v) {
                        secrets.computeIfAbsent(String.valueOf(scope), s -> new LinkedHashMap<>()).putAll((Map<String, Object>) v);
                    }
                });
            }
            if (config == null && scopes == null) {
                throw new BadVariable("--var-file " + file + ": expected `configuration:` and/or `secrets:` at the top level");
            }
        }
        for (String var : vars) {
            int eq = var.indexOf('=');
            if (eq <= 0) {
                throw new BadVariable("--var [" + var + "] must look like key=value or key:type=value");
            }
            String key = var.substring(0, eq);
            String value = var.substring(eq + 1);
            String type = "str";
            int colon = key.indexOf(':');
            if (colon > 0) {
                type = key.substring(colon + 1);
                key = key.substring(0, colon);
            }
            configuration.put(key, convert(key, type, value));
        }
        return new Variables(configuration, secrets, environment);
    }

    private static Object convert(String key, String type, String value) throws BadVariable {
        try {
            return switch (type) {
                case "str", "string" -> value;
                case "int", "integer" -> Long.parseLong(value);
                case "float", "number" -> Double.parseDouble(value);
                case "bool" -> !(value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no"));
                case "json" -> new ObjectMapper().readValue(value, Object.class);
                default -> throw new BadVariable("--var " + key + ": type [" + type + "] is not one of str, int, float, bool, json");
            };
        } catch (NumberFormatException | IOException e) {
            throw new BadVariable("--var " + key + ": [" + value + "] is not a valid " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(Path file, String name) throws BadVariable {
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            Object content = mapper.readValue(file.toFile(), Object.class);
            if (content instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new BadVariable("--var-file " + file + ": expected a mapping with `configuration` and/or `secrets`");
        } catch (IOException e) {
            throw new BadVariable("--var-file " + file + ": " + e.getMessage().lines().findFirst().orElse("cannot read it"));
        }
    }

    private static Map<String, String> envFile(Path file) throws BadVariable {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadVariable("--var-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadVariable(file + ":" + (i + 1) + ": expected NAME=value");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(line.substring(0, eq).strip(), value);
        }
        return out;
    }
}
