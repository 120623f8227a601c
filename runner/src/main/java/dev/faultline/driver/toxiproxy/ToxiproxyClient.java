package dev.faultline.driver.toxiproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small client for one Toxiproxy server's HTTP API. All calls made through one instance share
 * one deadline (the activity's timeout, or the undo's), so a stuck server can never hold a run:
 * every wait is bounded, and an interrupted thread stops waiting at once.
 *
 * <p>Errors are {@link ToxiproxyException}s whose message names the server, the operation, the
 * HTTP status and the server's error text, and says what to do.
 */
public final class ToxiproxyClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Created on first use, so that constructing the driver stays cheap. */
    private static final class Shared {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private final String server;
    private final Duration budget;
    private final Instant deadline;

    private ToxiproxyClient(String server, Duration budget) {
        this.server = ServerAddress.normalize(server);
        this.budget = budget;
        this.deadline = Instant.now().plus(budget);
    }

    /** A client for {@code server} whose calls together may take at most {@code budget}. */
    public static ToxiproxyClient of(String server, Duration budget) {
        return new ToxiproxyClient(server, budget);
    }

    public String server() {
        return server;
    }

    /** The server's version: {@code {"version": "..."}} on current servers, plain text on older ones. */
    public String version() throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onServer("read the version");
        Reply reply = expect(call("GET", "/version", null, op), op, 200);
        try {
            if (JSON.readValue(reply.body(), Object.class) instanceof Map<?, ?> m && m.get("version") != null) {
                return String.valueOf(m.get("version"));
            }
        } catch (IOException e) {
            // Plain text, as older servers answer.
        }
        return reply.body().strip();
    }

    @SuppressWarnings("unchecked")
    public List<Proxy> proxies() throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onServer("list proxies");
        Map<String, Object> byName = parse(expect(call("GET", "/proxies", null, op), op, 200), op, Map.class);
        List<Proxy> out = new ArrayList<>();
        for (Object value : byName.values()) {
            out.add(Proxy.fromJson((Map<String, Object>) value));
        }
        return out;
    }

    /** The proxy, or empty when the server has none by that name. */
    public Optional<Proxy> proxy(String name) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("read", name);
        Reply reply = call("GET", "/proxies/" + segment(name), null, op);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(proxyFrom(expect(reply, op, 200), op));
    }

    /** The proxy; fails with the server's 404 and advice when there is none by that name. */
    public Proxy requireProxy(String name) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("read", name);
        return proxyFrom(expect(call("GET", "/proxies/" + segment(name), null, op), op, 200), op);
    }

    public Proxy createProxy(String name, String listen, String upstream, boolean enabled)
            throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("create", name);
        Map<String, Object> body = Map.of("name", name, "listen", listen, "upstream", upstream, "enabled", enabled);
        return proxyFrom(expect(call("POST", "/proxies", body, op), op, 201, 200), op);
    }

    /** Changes some of {@code listen}, {@code upstream}, {@code enabled}; 404 when the proxy is gone. */
    public Proxy updateProxy(String name, Map<String, Object> changes) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("update", name);
        String path = "/proxies/" + segment(name);
        Reply reply = call("PATCH", path, changes, op);
        if (reply.status() == 405) {
            // Older servers only update through POST, which current servers still accept.
            reply = call("POST", path, changes, op);
        }
        return proxyFrom(expect(reply, op, 200), op);
    }

    /** Deletes the proxy; {@code false} when there was none by that name. */
    public boolean deleteProxy(String name) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("delete", name);
        Reply reply = call("DELETE", "/proxies/" + segment(name), null, op);
        if (reply.status() == 404) {
            return false;
        }
        expect(reply, op, 204, 200);
        return true;
    }

    @SuppressWarnings("unchecked")
    public List<Toxic> toxics(String proxy) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onProxy("list the toxics of", proxy);
        List<Object> list = parse(expect(call("GET", "/proxies/" + segment(proxy) + "/toxics", null, op), op, 200),
                op, List.class);
        List<Toxic> out = new ArrayList<>();
        for (Object item : list) {
            out.add(Toxic.fromJson((Map<String, Object>) item));
        }
        return out;
    }

    /** The toxic, or empty when it is not there; fails with 404 when the proxy itself is missing. */
    @SuppressWarnings("unchecked")
    public Optional<Toxic> toxic(String proxy, String name) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onToxic("read", proxy, name);
        Reply reply = call("GET", toxicPath(proxy, name), null, op);
        if (reply.status() == 404 && errorText(reply.body()).contains("toxic")) {
            return Optional.empty();
        }
        return Optional.of(Toxic.fromJson(parse(expect(reply, op, 200), op, Map.class)));
    }

    /** Creates the toxic, toxicity included, in one request. */
    @SuppressWarnings("unchecked")
    public Toxic createToxic(String proxy, ToxicSpec toxic) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onToxic("create", proxy, toxic.name());
        Reply reply = expect(call("POST", "/proxies/" + segment(proxy) + "/toxics", toxic.toJson(), op), op, 200, 201);
        return Toxic.fromJson(parse(reply, op, Map.class));
    }

    /** Removes the toxic; {@code false} when it (or its proxy) was already gone. */
    public boolean deleteToxic(String proxy, String name) throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onToxic("remove", proxy, name);
        Reply reply = call("DELETE", toxicPath(proxy, name), null, op);
        if (reply.status() == 404) {
            return false;
        }
        expect(reply, op, 204, 200);
        return true;
    }

    /** Re-enables every proxy and removes every toxic; proxies stay. */
    public void reset() throws ToxiproxyException, InterruptedException {
        Operation op = Operation.onServer("reset all proxies");
        expect(call("POST", "/reset", null, op), op, 204, 200);
    }

    private record Reply(int status, String body) {}

    private Reply call(String method, String path, Object body, Operation op)
            throws ToxiproxyException, InterruptedException {
        Duration remaining = Duration.between(Instant.now(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            throw ToxiproxyException.timedOut(server, op.description(), budget);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(remaining)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        CompletableFuture<HttpResponse<String>> pending =
                Shared.HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The request timeout alone does not bound every phase; the future's wait does.
            HttpResponse<String> response = pending.get(remaining.toMillis() + 50, TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw ToxiproxyException.timedOut(server, op.description(), budget);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw ToxiproxyException.timedOut(server, op.description(), budget);
            }
            throw ToxiproxyException.unreachable(server, op.description(), cause);
        }
    }

    private Reply expect(Reply reply, Operation op, int... accepted) throws ToxiproxyException {
        for (int status : accepted) {
            if (reply.status() == status) {
                return reply;
            }
        }
        String error = errorText(reply.body());
        throw ToxiproxyException.rejected(server, op.description(), reply.status(), error,
                op.advice(server, reply.status(), error));
    }

    @SuppressWarnings("unchecked")
    private Proxy proxyFrom(Reply reply, Operation op) throws ToxiproxyException {
        return Proxy.fromJson(parse(reply, op, Map.class));
    }

    private <T> T parse(Reply reply, Operation op, Class<T> type) throws ToxiproxyException {
        try {
            T value = JSON.readValue(reply.body(), type);
            if (value != null) {
                return value;
            }
        } catch (IOException e) {
            // Reported below, with the body that could not be read.
        }
        throw ToxiproxyException.badReply(server, op.description(), reply.status(), shorten(reply.body()));
    }

    /** The server's {@code error} field, or the body itself when it is not Toxiproxy's JSON. */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "empty body";
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m && m.get("error") != null) {
                return String.valueOf(m.get("error"));
            }
        } catch (IOException e) {
            // Not JSON (a proxy in between, an HTML error page): the raw text is the best we have.
        }
        return shorten(body);
    }

    private static String shorten(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "empty body";
        }
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body [" + body + "] as JSON", e);
        }
    }

    private static String toxicPath(String proxy, String toxic) {
        return "/proxies/" + segment(proxy) + "/toxics/" + segment(toxic);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
