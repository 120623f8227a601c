package dev.faultline.driver.chaosmonkey;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.UndoSpec;

/**
 * Which application's Chaos Monkey to talk to and how: the actuator base URL (as in
 * chaostoolkit-spring, e.g. {@code http://host:8080/actuator}), extra request headers and whether
 * TLS certificates are checked. It is also what an undo records, so it must stay plain data.
 *
 * @param baseUrl actuator base URL without a trailing slash
 * @param headers extra request headers (e.g. {@code Authorization})
 * @param verifySsl whether TLS certificates and host names are checked
 */
public record ActuatorTarget(String baseUrl, Map<String, String> headers, boolean verifySsl) {

    /** Used only when a call comes without a budget of its own. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

    public ActuatorTarget {
        baseUrl = normalize(baseUrl);
        headers = Map.copyOf(headers);
    }

    /** Reads {@code base_url}, {@code headers} and {@code verify_ssl} from a call's arguments. */
    public static ActuatorTarget of(Arguments args) {
        return new ActuatorTarget(args.string(ChaosMonkeyParams.BASE_URL),
                headers(args.optionalMap(ChaosMonkeyParams.HEADERS).orElse(Map.of())),
                args.optionalBool(ChaosMonkeyParams.VERIFY_SSL).orElse(true));
    }

    /** Reads the target back from an undo written by {@link #toUndoArgs()}. */
    @SuppressWarnings("unchecked")
    static ActuatorTarget fromUndo(UndoSpec undo) {
        Object headers = undo.args().get(ChaosMonkeyParams.HEADERS);
        return new ActuatorTarget(undo.arg(ChaosMonkeyParams.BASE_URL),
                headers instanceof Map<?, ?> m ? headers((Map<String, Object>) m) : Map.of(),
                !"false".equals(String.valueOf(undo.args().getOrDefault(ChaosMonkeyParams.VERIFY_SSL, true))));
    }

    Map<String, Object> toUndoArgs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ChaosMonkeyParams.BASE_URL, baseUrl);
        out.put(ChaosMonkeyParams.HEADERS, new LinkedHashMap<>(headers));
        out.put(ChaosMonkeyParams.VERIFY_SSL, verifySsl);
        return out;
    }

    /** Stable identity for fault plans: two runs against the same monkey conflict. */
    public String identity() {
        return "chaos-monkey:" + baseUrl;
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + "/chaosmonkey" + (path.isEmpty() ? "" : "/" + path));
    }

    /**
     * The smaller of the {@code timeout} argument (seconds, as in chaostoolkit-spring) and the
     * activity's own budget: upstream passes it as a query parameter that nobody reads, here it
     * bounds every request.
     */
    static Duration budget(Arguments args, Duration activityTimeout) {
        Duration cap = activityTimeout == null ? DEFAULT_BUDGET : activityTimeout;
        return args.optionalNumber(ChaosMonkeyParams.TIMEOUT)
                .map(seconds -> {
                    if (!(seconds > 0) || seconds.isInfinite()) {
                        throw new IllegalArgumentException("argument [timeout] must be a number of seconds greater than 0, but was [" + seconds + "]");
                    }
                    Duration asked = Duration.ofNanos((long) (seconds * 1_000_000_000L));
                    return asked.compareTo(cap) < 0 ? asked : cap;
                })
                .orElse(cap);
    }

    private static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("argument [base_url] must be the application's actuator URL, e.g. [http://127.0.0.1:8080/actuator], but was [" + raw + "]");
        }
        String url = raw.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument [base_url] is not a valid URL: [" + raw + "]", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("argument [base_url] must be an http(s) URL with a host, e.g. [http://127.0.0.1:8080/actuator], but was [" + raw + "]");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("argument [base_url] must not carry a query or fragment, but was [" + raw + "]");
        }
        return url;
    }

    private static Map<String, String> headers(Map<String, ?> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("argument [headers] must map header names to values, but has [" + name + ": " + value + "]");
            }
            out.put(name, String.valueOf(value));
        });
        return out;
    }
}
