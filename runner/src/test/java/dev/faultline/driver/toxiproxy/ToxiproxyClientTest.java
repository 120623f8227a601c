package dev.faultline.driver.toxiproxy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.driver.UndoContext;
import dev.faultline.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ToxiproxyClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nonJsonErrorBodyBecomesAReadableMessage() {
        try (StubServer stub = StubServer.answering(502, "<html><body>Bad gateway\n</body></html>")) {
            ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class,
                    () -> ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).toxics("inventory"));

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.getMessage())
                    .contains("list the toxics of proxy [inventory]")
                    .contains("[" + stub.url() + "]")
                    .contains("HTTP 502")
                    .contains("[<html><body>Bad gateway </body></html>]")
                    .contains("read its log");
        }
    }

    @Test
    void emptyErrorBodyIsNamedAsSuch() {
        try (StubServer stub = StubServer.answering(404, "")) {
            ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class,
                    () -> ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).requireProxy("inventory"));

            assertThat(e.notFound()).isTrue();
            assertThat(e.getMessage()).contains("read proxy [inventory]", "HTTP 404 [empty body]",
                    "Proxy [inventory] does not exist", stub.url() + "/proxies");
        }
    }

    @Test
    void conflictOnCreateSaysAnEarlierRunMayHaveLeftTheToxic() {
        try (StubServer stub = StubServer.answering(409, "{\"error\":\"toxic already exists\",\"status\":409}\n")) {
            ToxicSpec toxic = new ToxicSpec("slow", "latency", "downstream", 1.0, Map.of("latency", 100));
            ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class,
                    () -> ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).createToxic("inventory", toxic));

            assertThat(e.status()).isEqualTo(409);
            assertThat(e.serverError()).isEqualTo("toxic already exists");
            assertThat(e.getMessage()).contains("create toxic [slow] on proxy [inventory]", "HTTP 409 [toxic already exists]",
                    "An earlier run may have left it", "`faultline rollback`",
                    "DELETE " + stub.url() + "/proxies/inventory/toxics/slow");
        }
    }

    @Test
    void toxicIsCreatedWithItsToxicityInOneRequest() throws Exception {
        String created = "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"upstream\",\"toxicity\":0.25,"
                + "\"attributes\":{\"latency\":300,\"jitter\":0}}";
        try (StubServer stub = StubServer.answering(200, created)) {
            ToxicSpec toxic = new ToxicSpec("slow", "latency", "upstream", 0.25, Map.of("latency", "300"));
            Toxic result = ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).createToxic("inventory", toxic);

            assertThat(stub.requests()).hasSize(1);
            StubServer.Request request = stub.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/proxies/inventory/toxics");
            Map<String, Object> body = JSON.readValue(request.body(), new TypeReference<Map<String, Object>>() { });
            assertThat(body).containsEntry("toxicity", 0.25).containsEntry("stream", "upstream")
                    .containsEntry("type", "latency").containsEntry("name", "slow")
                    .containsEntry("attributes", Map.of("latency", 300));
            assertThat(toxic.matches(result)).isTrue();
        }
    }

    @Test
    void hungServerTimesOutWithinTheBudget() {
        try (StubServer stub = StubServer.hanging()) {
            long start = System.nanoTime();
            ToxiproxyException e = catchThrowableOfType(ToxiproxyException.class,
                    () -> ToxiproxyClient.of(stub.url(), Duration.ofMillis(300)).deleteToxic("inventory", "slow"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(millis).isBetween(250L, 2_000L);
            assertThat(e.status()).isEqualTo(ToxiproxyException.NO_ANSWER);
            assertThat(e.getMessage()).contains("remove toxic [slow] on proxy [inventory]", "no answer within [300 ms]",
                    "`faultline rollback`");
        }
    }

    @Test
    void budgetIsSharedByAllCallsOfOneClient() {
        try (StubServer stub = StubServer.hanging()) {
            ToxiproxyClient client = ToxiproxyClient.of(stub.url(), Duration.ofMillis(200));
            assertThatThrownBy(() -> client.version()).isInstanceOf(ToxiproxyException.class);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.proxies()).hasMessageContaining("no answer within [200 ms]");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100L);
        }
    }

    @Test
    void undoAgainstAHungServerIsBoundedByTheUndoTimeout() {
        try (StubServer stub = StubServer.hanging()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new ToxiproxyDriver().undo(Undos.deleteToxic(stub.url(), "inventory", "slow"),
                    new UndoContext(Duration.ofMillis(300))))
                    .isInstanceOf(ToxiproxyException.class)
                    .hasMessageContaining("no answer within [300 ms]");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000L);
        }
    }

    @Test
    void interruptStopsTheWaitAtOnce() throws Exception {
        try (StubServer stub = StubServer.hanging()) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    ToxiproxyClient.of(stub.url(), Duration.ofSeconds(30)).proxies();
                } catch (Exception e) {
                    outcome.set(e);
                }
            });
            worker.start();
            while (stub.requests().isEmpty()) {
                Thread.onSpinWait();
            }
            worker.interrupt();
            worker.join(2_000);

            assertThat(worker.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void unreachableServerSaysToCheckTheConfiguration() {
        String url = "http://127.0.0.1:" + FreePorts.next();
        assertThatThrownBy(() -> ToxiproxyClient.of(url, Duration.ofSeconds(5)).version())
                .isInstanceOf(ToxiproxyException.class)
                .hasMessageContaining("read the version at Toxiproxy server [" + url + "] failed: cannot connect")
                .hasMessageContaining("configuration [toxiproxy_url]");
    }

    @Test
    void successWithABodyThatIsNotJsonIsRejected() {
        try (StubServer stub = StubServer.answering(200, "hello from nginx")) {
            assertThatThrownBy(() -> ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).proxies())
                    .isInstanceOf(ToxiproxyException.class)
                    .hasMessageContaining("answered HTTP 200 with a body that is not the expected JSON [hello from nginx]");
        }
    }

    @Test
    void missingToxicAndMissingProxyAreTold() throws Exception {
        try (StubServer stub = StubServer.answering(request -> request.path().contains("/toxics/")
                ? new StubServer.Reply(404, "{\"error\":\"toxic not found\",\"status\":404}")
                : new StubServer.Reply(404, "{\"error\":\"proxy not found\",\"status\":404}"))) {
            ToxiproxyClient client = ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5));
            assertThat(client.toxic("inventory", "slow")).isEmpty();
            assertThat(client.deleteToxic("inventory", "slow")).isFalse();
            assertThat(client.proxy("inventory")).isEmpty();
            assertThat(client.deleteProxy("inventory")).isFalse();
        }
    }

    @Test
    void updateFallsBackToPostOnServersWithoutPatch() throws Exception {
        String proxy = "{\"name\":\"inventory\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\",\"enabled\":false}";
        try (StubServer stub = StubServer.answering(request -> request.method().equals("PATCH")
                ? new StubServer.Reply(405, "")
                : new StubServer.Reply(200, proxy))) {
            Proxy updated = ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5))
                    .updateProxy("inventory", Map.of("enabled", false));

            assertThat(updated.enabled()).isFalse();
            assertThat(stub.requests()).extracting(StubServer.Request::method).containsExactly("PATCH", "POST");
        }
    }

    @Test
    void versionIsReadFromJsonAndFromOlderPlainText() throws Exception {
        try (StubServer json = StubServer.answering(200, "{\"version\": \"2.12.0\"}");
             StubServer text = StubServer.answering(200, "2.1.4\n")) {
            assertThat(ToxiproxyClient.of(json.url(), Duration.ofSeconds(5)).version()).isEqualTo("2.12.0");
            assertThat(ToxiproxyClient.of(text.url(), Duration.ofSeconds(5)).version()).isEqualTo("2.1.4");
        }
    }

    @Test
    void namesAreEncodedAsPathSegments() throws Exception {
        try (StubServer stub = StubServer.answering(204, "")) {
            ToxiproxyClient.of(stub.url(), Duration.ofSeconds(5)).deleteToxic("in ventory", "a/b");
            assertThat(stub.requests().get(0).path()).isEqualTo("/proxies/in%20ventory/toxics/a%2Fb");
        }
    }
}
