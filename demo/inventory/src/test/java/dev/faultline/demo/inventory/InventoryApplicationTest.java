package dev.faultline.demo.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inventory service over real HTTP: stock API, probes, metrics, Chaos Monkey endpoint, port file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked; the Prometheus endpoint is part of the contract.
@AutoConfigureObservability
class InventoryApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void portFile(DynamicPropertyRegistry registry) {
        registry.add("demo.port-file", () -> dir.resolve("inventory.port").toString());
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void servesEveryStockLevelAndOneBySku() throws Exception {
        HttpResponse<String> all = get("/api/stock");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"sku\":\"SKU-1001\"", "\"sku\":\"SKU-1004\"");

        HttpResponse<String> one = get("/api/stock/SKU-1002");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"sku\":\"SKU-1002\",\"available\":7}");

        assertThat(get("/api/stock/SKU-9999").statusCode()).isEqualTo(404);
    }

    @Test
    void answersHealthLivenessAndReadinessOnTheServerPort() throws Exception {
        for (String path : new String[] {"/health", "/live", "/ready"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).startsWith("{\"status\":\"UP\"");
        }
        assertThat(get("/ready").body()).contains("readinessState").doesNotContain("diskSpace");
    }

    @Test
    void readyAnswers503WhileTheApplicationRefusesTraffic() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(get("/ready").statusCode()).isEqualTo(503);
            assertThat(get("/live").statusCode()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void exportsRequestLatencyHistogramsForPrometheus() throws Exception {
        get("/api/stock");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/stock\"[^}]*le=\"")
                .contains("application=\"inventory\"");
    }

    @Test
    void chaosMonkeyStartsDisabledAndAssaultsTheStockApiOnceEnabled() throws Exception {
        assertThat(get("/actuator/chaosmonkey/status").body()).contains("\"enabled\":false");
        assertThat(get("/actuator/chaosmonkey/watchers").body()).contains("\"restController\":true");
        try {
            assertThat(post("/actuator/chaosmonkey/assaults", "{\"level\":1,\"exceptionsActive\":true}").statusCode()).isEqualTo(200);
            assertThat(get("/api/stock").statusCode()).as("assault configured but monkey still disabled").isEqualTo(200);

            assertThat(post("/actuator/chaosmonkey/enable", "").statusCode()).isEqualTo(200);
            assertThat(get("/api/stock").statusCode()).isEqualTo(500);
            assertThat(get("/ready").statusCode()).as("probes are not assaulted").isEqualTo(200);
        } finally {
            post("/actuator/chaosmonkey/disable", "");
            post("/actuator/chaosmonkey/assaults", "{\"exceptionsActive\":false}");
        }
        assertThat(get("/api/stock").statusCode()).isEqualTo(200);
    }

    @Test
    void writesTheBoundPortToThePortFile() throws IOException {
        assertThat(Files.readString(dir.resolve("inventory.port")).trim()).isEqualTo(Integer.toString(port));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }
}
