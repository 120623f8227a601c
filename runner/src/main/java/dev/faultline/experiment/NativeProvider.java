package dev.faultline.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faultline's own provider form: {@code {type: toxiproxy, func: latency, arguments: {...}}}, naming
 * the driver function {@code type/func}.
 */
public record NativeProvider(String type, String func, Map<String, Object> arguments, List<String> secretScopes)
        implements Provider {

    public NativeProvider {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        secretScopes = List.copyOf(secretScopes);
    }

    @Override
    public String function() {
        return type + "/" + func;
    }

    @Override
    public String describe() {
        return function();
    }
}
