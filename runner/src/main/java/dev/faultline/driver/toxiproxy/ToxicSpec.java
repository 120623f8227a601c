package dev.faultline.driver.toxiproxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A toxic Faultline asks a Toxiproxy server to create, validated before anything is sent. It is
 * created in one request with its toxicity, so there is no moment where it hits every connection.
 *
 * @param name unique on its proxy
 * @param type Toxiproxy toxic type, e.g. {@code latency}, {@code reset_peer}
 * @param stream {@code downstream} (server to client) or {@code upstream} (client to server)
 * @param toxicity share of new connections affected, 0.0 to 1.0, decided once per connection
 * @param attributes the type's attributes (numbers given as strings become numbers)
 */
public record ToxicSpec(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {

    public static final String DOWNSTREAM = "downstream";
    public static final String UPSTREAM = "upstream";

    public ToxicSpec {
        requireText("name", name);
        requireText("type", type);
        Objects.requireNonNull(stream, "stream");
        stream = stream.trim().toLowerCase(Locale.ROOT);
        if (!stream.equals(DOWNSTREAM) && !stream.equals(UPSTREAM)) {
            throw new IllegalArgumentException("argument [stream] must be downstream or upstream, but was [" + stream + "]");
        }
        if (!(toxicity >= 0.0 && toxicity <= 1.0)) {
            throw new IllegalArgumentException("argument [toxicity] must be between 0.0 and 1.0, but was [" + toxicity + "]");
        }
        attributes = normalize(attributes == null ? Map.of() : attributes);
    }

    /** The fault kind used in plans and reports: the type with dashes, e.g. {@code reset-peer}. */
    public String kind() {
        return type.replace('_', '-');
    }

    /** The body of {@code POST /proxies/{proxy}/toxics}. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("type", type);
        out.put("stream", stream);
        out.put("toxicity", toxicity);
        out.put("attributes", attributes);
        return out;
    }

    /** Whether {@code actual}, read back from the server, is this toxic with the requested values. */
    public boolean matches(Toxic actual) {
        if (!name.equals(actual.name()) || !type.equals(actual.type()) || !stream.equals(actual.stream())
                || Math.abs(toxicity - actual.toxicity()) > 1e-9) {
            return false;
        }
        for (Map.Entry<String, Object> wanted : attributes.entrySet()) {
            if (!sameValue(wanted.getValue(), actual.attributes().get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** One phrase, e.g. "800 ms latency (jitter 50 ms) on proxy [inventory] (downstream, toxicity 1.0)". */
    public String describe(String proxy) {
        String what = switch (type) {
            case "latency" -> attributes.get("latency") + " ms latency (jitter " + attributes.getOrDefault("jitter", 0) + " ms)";
            case "bandwidth" -> "bandwidth limited to " + attributes.get("rate") + " KB/s";
            case "slow_close" -> "connection close delayed by " + attributes.get("delay") + " ms";
            case "timeout" -> "connections stalled, closed after " + attributes.get("timeout") + " ms (0 = held until removed)";
            case "reset_peer" -> "connections reset after " + attributes.getOrDefault("timeout", 0) + " ms";
            case "slicer" -> "data sliced into ~" + attributes.get("average_size") + " byte packets, "
                    + attributes.getOrDefault("delay", 0) + " us apart";
            case "limit_data" -> "connections closed after " + attributes.get("bytes") + " bytes";
            default -> type + " toxic " + attributes;
        };
        return what + " on proxy [" + proxy + "] (" + stream + ", toxicity " + toxicity + ")";
    }

    private static boolean sameValue(Object wanted, Object actual) {
        if (wanted instanceof Number w && actual instanceof Number a) {
            return Double.compare(w.doubleValue(), a.doubleValue()) == 0;
        }
        return Objects.equals(wanted, actual);
    }

    private static Map<String, Object> normalize(Map<String, Object> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Object value = e.getValue();
            // Substituted "${latency}" values arrive as strings; the server only accepts JSON numbers.
            if (value instanceof String s && s.trim().matches("-?\\d+")) {
                value = Long.parseLong(s.trim());
            }
            if (value instanceof Number n && n.doubleValue() < 0) {
                throw new IllegalArgumentException("attribute [" + e.getKey() + "] must not be negative, but was [" + value + "]");
            }
            out.put(e.getKey(), value);
        }
        return Collections.unmodifiableMap(out);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("toxic " + what + " must not be empty, but was [" + value + "]");
        }
    }
}
