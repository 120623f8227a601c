package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Chrome DevTools Protocol connection over the JDK's WebSocket client: commands are matched to
 * their responses by id, events go to listeners. Commands for a page carry its session id (flat
 * sessions), so one browser connection serves every page a test opens.
 */
public final class DevToolsConnection implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    /** An event the browser sent: its method, params, and the session (page) it belongs to, or null. */
    public record Event(String method, JsonNode params, String sessionId) {
    }

    private DevToolsConnection(URI endpoint) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint, new Listener()).join();
    }

    public static DevToolsConnection open(URI endpoint) {
        return new DevToolsConnection(endpoint);
    }

    public void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /** Sends {@code method} (to the page of {@code sessionId}, or the browser when null) and waits for the result. */
    public JsonNode send(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params == null ? Map.of() : params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        try {
            JsonNode reply = response.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException("DevTools command [" + method + "] failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for DevTools command [" + method + "]", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DevTools command [" + method + "] failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer to DevTools command [" + method + "] within "
                    + COMMAND_TIMEOUT.toSeconds() + " s", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            socket.abort();
        }
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("DevTools sent a message that is not JSON", e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> response = pending.get(message.get("id").asLong());
            if (response != null) {
                response.complete(message);
            }
            return;
        }
        Event event = new Event(message.path("method").asText(), message.path("params"),
                message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null);
        listeners.forEach(listener -> listener.accept(event));
    }

    /** Reassembles fragmented messages; a screenshot arrives in many pieces. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(p -> p.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IllegalStateException closed = new IllegalStateException("DevTools connection closed: " + statusCode
                    + " " + reason);
            pending.values().forEach(p -> p.completeExceptionally(closed));
            return null;
        }
    }
}
