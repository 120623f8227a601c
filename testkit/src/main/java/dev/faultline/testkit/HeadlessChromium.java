package dev.faultline.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium for tests, driven over the Chrome DevTools Protocol: a fresh profile in a
 * temporary folder, no background networking, a remote-debugging port on loopback. Open pages with
 * {@link #openPage()}; closing stops the browser and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The names Chromium goes by on PATH: find it with {@code Executables.find(HeadlessChromium.NAMES)}. */
    public static final String[] NAMES = {"chromium", "chromium-browser", "google-chrome"};
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long START_TIMEOUT_S = 60;

    private final Process process;
    private final Path profile;
    private final DevToolsConnection connection;

    private HeadlessChromium(Process process, Path profile, DevToolsConnection connection) {
        this.process = process;
        this.profile = profile;
        this.connection = connection;
    }

    /** Starts {@code executable} headless and connects to it; fails with Chromium's own output if it does not come up. */
    public static HeadlessChromium start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("faultline-chromium-");
        List<String> command = List.of(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                "--mute-audio", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=" + FreePorts.next(), "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI browser = endpoint.get(START_TIMEOUT_S, TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, DevToolsConnection.open(browser));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, profile);
            throw new IOException("interrupted while starting Chromium", e);
        } catch (ExecutionException | TimeoutException e) {
            stop(process, profile);
            String tail;
            synchronized (output) {
                tail = String.join("\n", output);
            }
            throw new IOException("Chromium [" + executable + "] did not open its DevTools port within "
                    + START_TIMEOUT_S + " s; its output was:\n" + tail, e);
        }
    }

    /** A new tab with its own DevTools session. */
    public DevToolsPage openPage() {
        String targetId = connection.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId").asText();
        String sessionId = connection.send(null, "Target.attachToTarget", Map.of("targetId", targetId,
                "flatten", true)).path("sessionId").asText();
        return new DevToolsPage(connection, targetId, sessionId);
    }

    /** The browser's version line, e.g. {@code Chrome/156.0.8078.108}. */
    public String version() {
        return connection.send(null, "Browser.getVersion", Map.of()).path("product").asText();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            stop(process, profile);
        }
    }

    private static void readOutput(Process process, Deque<String> output, CompletableFuture<URI> endpoint) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 40) {
                        output.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint.complete(URI.create(m.group(1)));
                }
            }
            endpoint.completeExceptionally(new IOException("Chromium exited with " + process.waitFor()));
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endpoint.completeExceptionally(e);
        }
    }

    private static void stop(Process process, Path profile) {
        // The Debian launcher is a shell script: stop the browser processes under it too.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile left in the temp folder is harmless; the browser may still hold a lock file.
        }
    }
}
