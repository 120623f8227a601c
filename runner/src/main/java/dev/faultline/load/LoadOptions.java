package dev.faultline.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How strictly to load.
 *
 * @param checkEnvironment whether facts about this machine (environment variables used without a
 *     default, executables on PATH) are errors ({@code run}) or only warnings ({@code validate})
 * @param skippedControls control modules the user chose to run without ({@code --skip-control})
 * @param configurationOverrides {@code --var} and {@code --var-file} configuration values, which win over the file's
 * @param secretOverrides {@code --var-file} secrets, by scope
 * @param environmentOverrides {@code --var-file x.env} variables, seen as if exported
 */
public record LoadOptions(boolean checkEnvironment, Set<String> skippedControls,
                          Map<String, Object> configurationOverrides, Map<String, Map<String, Object>> secretOverrides,
                          Map<String, String> environmentOverrides) {

    public LoadOptions {
        skippedControls = Set.copyOf(skippedControls);
        configurationOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(configurationOverrides));
        secretOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(secretOverrides));
        environmentOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(environmentOverrides));
    }

    public static LoadOptions forValidate() {
        return new LoadOptions(false, Set.of(), Map.of(), Map.of(), Map.of());
    }

    public static LoadOptions forRun() {
        return new LoadOptions(true, Set.of(), Map.of(), Map.of(), Map.of());
    }

    public LoadOptions withOverrides(Map<String, Object> configuration, Map<String, Map<String, Object>> secrets,
                                     Map<String, String> environment) {
        return new LoadOptions(checkEnvironment, skippedControls, configuration, secrets, environment);
    }

    public LoadOptions withSkippedControls(Set<String> modules) {
        return new LoadOptions(checkEnvironment, modules, configurationOverrides, secretOverrides, environmentOverrides);
    }

    /** An environment variable as this run will see it. */
    public String env(String name) {
        return environmentOverrides.containsKey(name) ? environmentOverrides.get(name) : System.getenv(name);
    }
}
