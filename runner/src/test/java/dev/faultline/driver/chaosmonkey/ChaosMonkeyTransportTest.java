package dev.faultline.driver.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.driver.UndoContext;
import org.junit.jupiter.api.Test;

/** Timeouts, interruption, connection errors and older Chaos Monkey answers, on real loopback sockets. */
class ChaosMonkeyTransportTest {

    private final ChaosMonkeyDriver driver = new ChaosMonkeyDriver();

    @Test
    void aMonkeyThatAcceptsButNeverAnswersFailsTheCallWithinItsTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> call("chaosspring.probes.chaosmonkey_enabled", Map.of("base_url", silent.url(), "timeout", 0.5)))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("did not answer within [500 ms]")
                    .hasMessageContaining("[" + silent.url() + "/chaosmonkey/status]");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anUndoAgainstASilentMonkeyGivesUpAtTheUndoDeadline() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> driver.undo(Restore.spec(new ActuatorTarget(silent.url(), Map.of(), true), true, Map.of(), Map.of()),
                    new UndoContext(Duration.ofMillis(400))))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aWaitingCallStopsWhenItsThreadIsInterrupted() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    call("chaos-monkey/status", Map.of("base_url", silent.url()));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            caller.start();
            silent.awaitConnection();
            caller.interrupt();
            caller.join(3000);
            assertThat(caller.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void aRefusedConnectionSaysWhereAndWhatToCheck() {
        String url = "http://127.0.0.1:" + closedPort() + "/actuator";
        assertThatThrownBy(() -> call("chaos-monkey/assaults", Map.of("base_url", url)))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("[" + url + "/chaosmonkey/assaults]");
    }

    @Test
    void understandsOlderMonkeysThatAnswerStatusWith503AndServeWatcherSingular() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Integer> statusCode = new AtomicReference<>(503);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/chaosmonkey", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(exchange.getRequestMethod() + " " + path + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            int code;
            String body;
            if (path.endsWith("/status")) {
                code = statusCode.get();
                body = code == 503 ? "You switched me off!" : "Ready to be evil!";
            } else if (path.endsWith("/watcher")) {
                code = 200;
                body = "{\"restController\":true}";
            } else {
                code = 404;
                body = "{\"status\":404}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator";
            Map<String, Object> args = Map.of("base_url", url, "headers", Map.of("Authorization", "Bearer t"));

            assertThat(call("chaosspring.probes.chaosmonkey_enabled", args)).isEqualTo(false);
            statusCode.set(200);
            assertThat(call("chaosspring.probes.chaosmonkey_enabled", args)).isEqualTo(true);
            assertThat(call("chaos-monkey/status", args)).isEqualTo(Map.of("message", "Ready to be evil!", "enabled", true));
            assertThat(call("chaosspring.probes.watcher_configuration", args)).isEqualTo(Map.of("restController", true));
            assertThat(seen).contains("GET /actuator/chaosmonkey/watchers auth=Bearer t", "GET /actuator/chaosmonkey/watcher auth=Bearer t");
            assertThatThrownBy(() -> call("chaosspring.probes.assaults_configuration", args))
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("answered [404]")
                    .hasMessageContaining("management.endpoint.chaosmonkey.access=unrestricted");
        } finally {
            server.stop(0);
        }
    }

    private Object call(String function, Map<String, Object> args) throws Exception {
        return TestInvocation.call(TestInvocation.function(driver, function), args, Map.of(), new RecordingFaults());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections and reads nothing, writes nothing: the actuator that hangs. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            }, "silent-actuator");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/actuator";
        }

        void awaitConnection() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (accepted.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(accepted).as("the call connected").isNotEmpty();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
