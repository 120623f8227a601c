package dev.faultline.driver.toxiproxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proxy as the Toxiproxy server reports it.
 *
 * @param listen the address it listens on, {@code host:port} (the real port once created)
 * @param upstream the address it forwards to, {@code host:port}
 * @param enabled whether it accepts connections
 * @param toxics the toxics currently on it
 */
public record Proxy(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {

    public Proxy {
        toxics = toxics == null ? List.of() : List.copyOf(toxics);
    }

    @SuppressWarnings("unchecked")
    static Proxy fromJson(Map<String, Object> json) {
        List<Toxic> toxics = new ArrayList<>();
        if (json.get("toxics") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    toxics.add(Toxic.fromJson((Map<String, Object>) m));
                }
            }
        }
        return new Proxy(
                String.valueOf(json.get("name")),
                String.valueOf(json.get("listen")),
                String.valueOf(json.get("upstream")),
                !Boolean.FALSE.equals(json.get("enabled")),
                toxics);
    }

    /** The port part of {@link #listen()}, e.g. {@code 26379}; -1 when it cannot be read. */
    public int listenPort() {
        int colon = listen.lastIndexOf(':');
        try {
            return Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** JSON-like form used in outputs, evidence and {@code get_proxy_attribute}. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("listen", listen);
        out.put("upstream", upstream);
        out.put("enabled", enabled);
        out.put("toxics", toxics.stream().map(Toxic::toMap).toList());
        return out;
    }
}
