package dev.faultline.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chaos Toolkit's {@code python} provider. Faultline does not run Python: {@code module.func} names
 * a function implemented natively by one of its drivers.
 */
public record PythonProvider(String module, String func, Map<String, Object> arguments, List<String> secretScopes)
        implements Provider {

    public PythonProvider {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        secretScopes = List.copyOf(secretScopes);
    }

    @Override
    public String function() {
        return module + "." + func;
    }

    @Override
    public String describe() {
        return function() + "(" + String.join(", ", arguments.keySet()) + ")";
    }
}
