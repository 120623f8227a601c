package dev.faultline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Toxiproxy server for tests: the {@code toxiproxy-server} binary (or Go's {@code server}
 * from {@code go install}) on a free loopback port, ready once {@code /version} answers, and stopped
 * (with nothing left running) on {@link #close()}. A missing binary skips the test, or fails it
 * under {@code CI=true}.
 */
public final class ToxiproxyServer implements AutoCloseable {

    private static final String MISSING = "toxiproxy-server (or Go's `server`) on PATH or in ~/go/bin: bash .ci/run"
            + " installs it with go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0";
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread reaper;

    private ToxiproxyServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.reaper = new Thread(this::stop, "toxiproxy-server-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The binary, if installed. */
    public static Optional<Path> binary() {
        return Executables.find("toxiproxy-server", "server");
    }

    /** Starts a server, or skips (fails under CI) the calling test when the binary is missing. */
    public static ToxiproxyServer start() {
        Optional<Path> binary = binary();
        Required.component(binary.isPresent(), MISSING);
        IllegalStateException last = null;
        // A free port can be taken by someone else before the server binds it; try another.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return launch(binary.get(), FreePorts.next());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static ToxiproxyServer launch(Path binary, int port) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("toxiproxy-" + port + "-", ".log");
            process = new ProcessBuilder(List.of(binary.toString(), "-host", "127.0.0.1", "-port", String.valueOf(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start [" + binary + "]", e);
        }
        ToxiproxyServer server = new ToxiproxyServer(process, port, log);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant until = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("toxiproxy server on port [" + port + "] exited with ["
                        + process.exitValue() + "] while starting: " + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/version"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for toxiproxy server", e);
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for toxiproxy server", e);
            }
        }
        throw new IllegalStateException("toxiproxy server on port [" + port + "] did not answer /version within ["
                + STARTUP.toSeconds() + " s]: " + logTail());
    }

    /** The API address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Freezes the server (SIGSTOP): it accepts connections but answers nothing, like a stuck server. */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a paused server run again (SIGCONT). */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's output so far (last 2000 characters), for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover temp log is harmless.
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        // A paused server ignores SIGTERM until it runs again.
        try {
            new ProcessBuilder("kill", "-CONT", String.valueOf(process.pid())).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Not paused, or already gone; destroy below still applies.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
