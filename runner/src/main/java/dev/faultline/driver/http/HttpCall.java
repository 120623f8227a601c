package dev.faultline.driver.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One HTTP request, as Chaos Toolkit's http provider makes it: {@code arguments} become the query
 * string of a GET and the body otherwise (JSON when the request's Content-Type says so, else a
 * form). 4xx and 5xx answers are outputs, not failures; failing to get an answer is a failure.
 * Common methods go through the cheap blocking transport, others (PATCH) through the JDK client.
 */
final class HttpCall implements DriverFunction {

    /** Headers the JDK client manages itself and refuses to take from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final double DEFAULT_TIMEOUT_SECONDS = 30;

    private static final FunctionSpec SPEC = FunctionSpec.any("http")
            .required("url", Param.Type.STRING)
            .optional("method", Param.Type.STRING, "GET")
            .optional("headers", Param.Type.MAP, null)
            .optional("arguments", Param.Type.ANY, null)
            .optional("timeout", Param.Type.ANY, null)
            .optional("verify_tls", Param.Type.BOOLEAN, true)
            .optional("max_retries", Param.Type.INTEGER, 0)
            .summary("an HTTP request; output {status, headers, body}")
            .build();

    @Override
    public FunctionSpec spec() {
        return SPEC;
    }

    private static final Exchange.Transport BLOCKING = new BlockingTransport();
    private static final Exchange.Transport JDK = new JdkTransport();

    @Override
    public Object invoke(Invocation call) throws Exception {
        Arguments args = call.arguments();
        String method = args.optionalString("method").orElse("GET").toUpperCase(Locale.ROOT);
        Duration[] timeouts = timeouts(args.raw("timeout"), call.timeout());
        Map<String, String> headers = headers(args.optionalMap("headers").orElse(Map.of()));
        URI uri = uri(args.string("url"), method, args.raw("arguments"));
        String body = body(method, headers, args.raw("arguments"));
        Exchange exchange = new Exchange(method, uri, headers, body, timeouts[0], timeouts[1],
                args.optionalBool("verify_tls").orElse(true));
        Exchange.Transport transport = BlockingTransport.METHODS.contains(method) ? BLOCKING : JDK;
        long retries = args.optionalInteger("max_retries").orElse(0L);
        String last = null;
        for (long attempt = 0; attempt <= retries; attempt++) {
            try {
                return output(transport.send(exchange));
            } catch (Exchange.Unreachable e) {
                last = e.getMessage();
            } catch (Exchange.NoAnswer e) {
                throw new ActivityFailedException(method + " " + uri + " got no answer within " + seconds(timeouts[1]) + " s");
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new ActivityFailedException(method + " " + uri + " failed: " + last
                + (retries > 0 ? " (after " + (retries + 1) + " attempts)" : ""));
    }

    private static Map<String, Object> output(Exchange.Answer answer) {
        Map<String, Object> headers = new LinkedHashMap<>();
        answer.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        Object body = answer.body();
        List<String> types = answer.headers().getOrDefault("content-type", List.of());
        String type = types.isEmpty() ? "" : types.get(0);
        if (type.toLowerCase(Locale.ROOT).contains("application/json") && !answer.body().isEmpty()) {
            try {
                body = Json.MAPPER.readValue(answer.body(), Object.class);
            } catch (IOException notJson) {
                // Served as JSON but is not: keep the text, as Chaos Toolkit does.
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", answer.status());
        out.put("headers", headers);
        out.put("body", body);
        return out;
    }

    /** The request body: none for a GET; JSON when the Content-Type says so; else a form for a mapping. */
    private static String body(String method, Map<String, String> headers, Object arguments) throws ActivityFailedException {
        if (method.equals("GET") || arguments == null) {
            return null;
        }
        boolean json = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                && h.getValue().toLowerCase(Locale.ROOT).contains("json"));
        if (json) {
            try {
                return Json.MAPPER.writeValueAsString(arguments);
            } catch (IOException e) {
                throw new ActivityFailedException("cannot encode arguments as JSON: " + e.getMessage());
            }
        }
        if (arguments instanceof Map<?, ?> map) {
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            return form(map);
        }
        return String.valueOf(arguments);
    }

    private static URI uri(String url, String method, Object arguments) throws ActivityFailedException {
        String full = url;
        if (method.equals("GET") && arguments instanceof Map<?, ?> map && !map.isEmpty()) {
            full = url + (url.contains("?") ? "&" : "?") + form(map);
        }
        try {
            URI uri = URI.create(full);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("url [" + full + "] is not a valid http(s) URL: " + e.getMessage());
        }
    }

    private static String form(Map<?, ?> map) {
        StringJoiner joiner = new StringJoiner("&");
        map.forEach((k, v) -> {
            List<?> values = v instanceof List<?> list ? list : java.util.Collections.singletonList(v);
            for (Object value : values) {
                joiner.add(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    private static Map<String, String> headers(Map<String, Object> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }

    /** {@code timeout}: seconds, or {@code [connect, read]}; defaults to the call budget. */
    static Duration[] timeouts(Object raw, Duration budget) throws ActivityFailedException {
        Duration fallback = budget == null ? Duration.ofMillis((long) (DEFAULT_TIMEOUT_SECONDS * 1000)) : budget;
        if (raw == null) {
            return new Duration[] {fallback, fallback};
        }
        if (raw instanceof List<?> pair && pair.size() == 2) {
            return new Duration[] {duration(pair.get(0)), duration(pair.get(1))};
        }
        Duration single = duration(raw);
        return new Duration[] {single, single};
    }

    private static Duration duration(Object value) throws ActivityFailedException {
        try {
            double seconds = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            throw new ActivityFailedException("http timeout [" + value + "] is not a positive number of seconds");
        }
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }

    /**
     * Initialises what the first request would: the JSON parser for bodies and the JDK's HTTP
     * protocol handler, proxy selection and socket classes. Opens no connection.
     */
    static void prepare() {
        try {
            Json.MAPPER.readValue("{\"status\": \"UP\", \"n\": [1, 2.5, true, null]}", Object.class);
            URI local = URI.create("http://127.0.0.1/");
            HttpURLConnection connection = (HttpURLConnection) local.toURL().openConnection();
            connection.setConnectTimeout(1);
            connection.setRequestMethod("GET");
            connection.setRequestProperty("Accept", "*/*");
            ProxySelector.getDefault().select(local);
            InetAddress.getByName("127.0.0.1");
            new Socket().close();
        } catch (IOException e) {
            // Only a head start: the first real request does the same and reports what fails.
        }
    }

    /** Created on first use: an ObjectMapper costs tens of milliseconds of start-up that {@code validate} never needs. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
