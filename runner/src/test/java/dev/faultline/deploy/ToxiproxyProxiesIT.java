package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.testkit.FreePorts;
import dev.faultline.testkit.Required;
import dev.faultline.testkit.ToxiproxyServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real Toxiproxy server (v2.12.0) the way the in-cluster Deployment does, with
 * {@code -config} pointing at the staging overlay's proxies file, and reads the proxies back: the
 * file is one the server accepts at start-up, with every proxy enabled and pointed where it says.
 * Only the listen addresses are moved to free loopback ports, to stay off this machine's network.
 */
class ToxiproxyProxiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void stagingProxiesFileIsAcceptedByTheRealServerAtStartUp() throws Exception {
        Optional<Path> binary = ToxiproxyServer.binary();
        Required.component(binary.isPresent(), "toxiproxy-server (or Go's `server`) on PATH or in ~/go/bin:"
                + " go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0");
        ArrayNode proxies = (ArrayNode) JSON.readTree(Manifests.root().resolve("k8s/overlays/staging/toxiproxy-proxies.json").toFile());
        assertThat(proxies).isNotEmpty();
        for (JsonNode proxy : proxies) {
            ((ObjectNode) proxy).put("listen", "127.0.0.1:" + FreePorts.next());
        }
        Path config = dir.resolve("proxies.json");
        JSON.writeValue(config.toFile(), proxies);

        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(binary.get().toString()));
        command.addAll(deploymentArgs(port, config));
        Path log = dir.resolve("toxiproxy.log");
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonNode loaded = awaitProxies(server, port, log);
            assertThat(loaded.size()).as(Files.readString(log)).isEqualTo(proxies.size());
            for (JsonNode expected : proxies) {
                JsonNode actual = loaded.path(expected.path("name").asText());
                assertThat(actual.isMissingNode()).as("proxy [%s] loaded; log: %s", expected.path("name"), Files.readString(log)).isFalse();
                assertThat(actual.path("upstream").asText()).isEqualTo(expected.path("upstream").asText());
                assertThat(actual.path("listen").asText()).isEqualTo(expected.path("listen").asText());
                assertThat(actual.path("enabled").asBoolean()).isTrue();
                assertThat(actual.path("toxics")).isEmpty();
            }
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The Deployment's container args, with the API on loopback {@code port} and {@code config} as the file. */
    private static List<String> deploymentArgs(int port, Path config) {
        Deployment deployment = Manifests.one(Manifests.read(Manifests.root().resolve("k8s/base/toxiproxy.yaml")), Deployment.class, "toxiproxy");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> args = container.getArgs();
        assertThat(args).contains("-host=0.0.0.0", "-port=8474", "-config=/etc/toxiproxy/proxies.json");
        return args.stream().map(a -> switch (a.replaceAll("=.*", "")) {
            case "-host" -> "-host=127.0.0.1";
            case "-port" -> "-port=" + port;
            case "-config" -> "-config=" + config;
            default -> a;
        }).toList();
    }

    private static JsonNode awaitProxies(Process server, int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/proxies"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)) {
            if (!server.isAlive()) {
                throw new AssertionError("toxiproxy exited with [" + server.exitValue() + "] at start-up: " + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            server.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("toxiproxy did not answer /proxies within 15 s: " + Files.readString(log));
    }
}
