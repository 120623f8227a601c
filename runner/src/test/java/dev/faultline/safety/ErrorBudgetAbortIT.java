package dev.faultline.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.cli.Main;
import dev.faultline.testkit.DemoService;
import dev.faultline.testkit.PrometheusServer;
import dev.faultline.testkit.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety promise against real components: a real Prometheus (Debian 2.42) scrapes the real
 * inventory service; a Chaos Monkey exception assault burns its SLO's error budget; the burn-rate
 * guard computed from the SLO aborts the run, the assault is undone, and the journal says when.
 */
class ErrorBudgetAbortIT {

    @TempDir
    Path dir;

    @Test
    void aFaultThatBurnsTheBudgetTooFastAbortsTheRunAndIsUndone() throws Exception {
        try (DemoService inventory = DemoService.inventory().start();
             PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + inventory.port())
                     .metricsPath("/actuator/prometheus").start()) {
            prometheus.awaitQuery("http_server_requests_seconds_count", Duration.ofSeconds(60));
            Path experiment = Workspace.repositoryRoot().resolve("experiments/demo/inventory-error-budget.yaml");
            StringWriter out = new StringWriter();
            Instant start = Instant.now();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(out, true), "run", experiment.toString(),
                    "--journal", dir.resolve("journal.json").toString(), "--ledger", dir.resolve("ledger.jsonl").toString(),
                    "--var", "inventory_url=" + inventory.baseUrl(), "--var", "inventory_actuator_url=" + inventory.actuatorUrl(),
                    "--var", "prometheus_base_url=" + prometheus.url());
            Duration took = Duration.between(start, Instant.now());

            assertThat(code).as(out.toString()).isEqualTo(3);
            assertThat(took).as("aborted long before the method's 60 s wait").isLessThan(Duration.ofSeconds(40));
            JsonNode journal = new ObjectMapper().readTree(dir.resolve("journal.json").toFile());
            assertThat(journal.path("status").asText()).isEqualTo("aborted");
            JsonNode abort = journal.at("/faultline/abort");
            assertThat(abort.path("guard").asText()).isEqualTo("burn-rate");
            assertThat(abort.path("measured").asDouble()).isGreaterThan(abort.path("threshold").asDouble());
            assertThat(abort.path("threshold").asDouble()).isEqualTo(14.4);
            Instant breach = Instant.parse(abort.path("breach_detected_at").asText());
            Instant abortStarted = Instant.parse(abort.path("abort_started_at").asText());
            Instant undone = Instant.parse(abort.path("last_fault_undone_at").asText());
            assertThat(Duration.between(breach, abortStarted)).isLessThan(Duration.ofMillis(250));
            assertThat(Duration.between(breach, undone)).isLessThan(Duration.ofSeconds(2));
            assertThat(journal.at("/faultline/faults/0/undo/status").asText()).isEqualTo("undone");
            assertThat(journal.at("/faultline/guards/checks")).isNotEmpty();
            assertThat(journal.at("/faultline/sli/samples")).isNotEmpty();
            assertThat(journal.at("/faultline/budget/slo").asText()).isEqualTo("inventory-availability");

            HttpClient http = HttpClient.newHttpClient();
            String status = http.send(HttpRequest.newBuilder(URI.create(inventory.actuatorUrl() + "/chaosmonkey/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(new ObjectMapper().readTree(status).path("enabled").asBoolean(true)).as(status).isFalse();
            for (int i = 0; i < 20; i++) {
                assertThat(http.send(HttpRequest.newBuilder(inventory.uri("/api/stock")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()).isEqualTo(200);
            }
        }
    }
}
