package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One browser tab under test: records every DevTools event of its session (console calls, exceptions,
 * log entries, network requests, dialogs), navigates and waits for the load event, evaluates
 * JavaScript and takes full-page screenshots. JavaScript dialogs are dismissed (and recorded) so a
 * page that calls {@code alert} cannot hang the test.
 */
public final class DevToolsPage implements AutoCloseable {

    private final DevToolsConnection connection;
    private final String targetId;
    private final String sessionId;
    private final List<DevToolsConnection.Event> events = new CopyOnWriteArrayList<>();
    private final Consumer<DevToolsConnection.Event> recorder;

    DevToolsPage(DevToolsConnection connection, String targetId, String sessionId) {
        this.connection = connection;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.recorder = event -> {
            if (sessionId.equals(event.sessionId())) {
                events.add(event);
                if (event.method().equals("Page.javascriptDialogOpening")) {
                    // Answer off the socket's thread: the reply arrives on it.
                    CompletableFuture.runAsync(() -> send("Page.handleJavaScriptDialog", Map.of("accept", false)));
                }
            }
        };
        connection.onEvent(recorder);
    }

    public JsonNode send(String method, Map<String, ?> params) {
        return connection.send(sessionId, method, params);
    }

    /** Enables DevTools domains such as {@code Runtime}, {@code Log}, {@code Network}, {@code Page}. */
    public void enable(String... domains) {
        for (String domain : domains) {
            send(domain + ".enable", Map.of());
        }
    }

    /** Navigates to {@code url} and waits for its load event. */
    public void navigate(String url, Duration timeout) throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(1);
        Consumer<DevToolsConnection.Event> onLoad = e -> {
            if (sessionId.equals(e.sessionId()) && e.method().equals("Page.loadEventFired")) {
                loaded.countDown();
            }
        };
        connection.onEvent(onLoad);
        try {
            JsonNode result = send("Page.navigate", Map.of("url", url));
            if (result.hasNonNull("errorText")) {
                throw new IllegalStateException("navigation to [" + url + "] failed: " + result.get("errorText"));
            }
            if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("[" + url + "] did not finish loading within " + timeout);
            }
        } finally {
            connection.removeListener(onLoad);
        }
    }

    /** The value of a JavaScript expression; fails with the page's exception if it throws. */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("[" + expression + "] threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Every event recorded so far. */
    public List<DevToolsConnection.Event> events() {
        return List.copyOf(events);
    }

    /** The recorded events named {@code method}, e.g. {@code Network.requestWillBeSent}. */
    public List<DevToolsConnection.Event> events(String method) {
        return events.stream().filter(e -> e.method().equals(method)).toList();
    }

    /** Emulates a media type ({@code print}, {@code screen}) for later screenshots. */
    public void emulateMedia(String media) {
        send("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** A PNG of the whole page, not just the viewport, {@code width} CSS pixels wide. */
    public void screenshot(Path png, int width) throws IOException {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800, "deviceScaleFactor", 1,
                "mobile", false));
        JsonNode size = send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        int height = (int) Math.ceil(size.path("height").asDouble(800));
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
        String data = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                .path("data").asText();
        send("Emulation.clearDeviceMetricsOverride", Map.of());
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        connection.removeListener(recorder);
        connection.send(null, "Target.closeTarget", Map.of("targetId", targetId));
    }
}
