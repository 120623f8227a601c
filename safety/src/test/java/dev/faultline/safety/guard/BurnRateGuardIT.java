package dev.faultline.safety.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.safety.SafetyJournal;
import dev.faultline.safety.SafetyRun;
import dev.faultline.safety.budget.ErrorBudget;
import dev.faultline.safety.preflight.PreflightReport;
import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusSli;
import dev.faultline.safety.slo.Slo;
import dev.faultline.safety.slo.SloLoader;
import dev.faultline.safety.spec.SafetySpec;
import dev.faultline.safety.spec.SafetySpecParser;
import dev.faultline.testkit.CounterExporter;
import dev.faultline.testkit.PrometheusServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain against a real Prometheus: a Sloth SLO file, the {@code safety:} block, the
 * burn-rate guard reading the SLO's queries, and the monitor aborting within one guard interval of
 * Prometheus showing the burn.
 */
class BurnRateGuardIT {

    private static final String SLO = """
            version: prometheus/v1
            service: storefront
            slos:
              - name: storefront-availability
                objective: 99
                sli:
                  events:
                    error_query: sum(rate(http_requests_total{status=~"5.."}[{{.window}}]))
                    total_query: sum(rate(http_requests_total[{{.window}}]))
            """;

    @Test
    void abortsWithinOneGuardIntervalWhenBurnRateExceedsThreshold(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slo.yaml"), SLO);
        try (CounterExporter service = CounterExporter.start(200);
             PrometheusServer prometheus = PrometheusServer.scraping(service.target()).start()) {
            prometheus.awaitQuery("count_over_time(http_requests_total{status=\"200\"}[1m]) >= 4", Duration.ofSeconds(30));
            JsonNode block = new YAMLMapper().readTree("""
                    slos: [{file: slo.yaml, name: storefront-availability}]
                    prometheus: %s
                    guard-interval: 250ms
                    guards: {burn-rate: {max: 10, window: 10s}, budget-allotment: false}
                    preflight: {lock: false}
                    """.formatted(prometheus.url()));
            SafetySpec spec = SafetySpecParser.parse(block, "it.yaml");
            CountDownLatch breached = new CountDownLatch(1);
            AtomicReference<Breach> breach = new AtomicReference<>();
            try (SafetyRun run = SafetyRun.builder(spec).baseDir(dir).source("it.yaml").build()) {
                PreflightReport preflight = run.preflight(List.of(), List.of());
                assertThat(preflight.allowed()).as(preflight.toString()).isTrue();

                run.start(b -> {
                    breach.set(b);
                    breached.countDown();
                });
                GuardMonitor monitor = run.monitor().orElseThrow();
                assertThat(monitor.checks()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(GuardCheck.Status.OK));

                // an independent reader polls the same data far more often than the guard
                Slo slo = SloLoader.load(dir.resolve("slo.yaml")).get(0);
                PrometheusSli sli = PrometheusSli.of(PrometheusClient.create(prometheus.url()), slo);
                ErrorBudget budget = slo.budget();
                assertThat(budget.burnRate(sli.read(Duration.ofSeconds(10), Instant.now()).errorRatio())).isLessThan(1);

                Instant raised = Instant.now();
                service.errorRatio(0.5); // 50% errors on a 1% budget: burn rate 50 once the window fills
                Instant seen = null;
                while (seen == null && Duration.between(raised, Instant.now()).toSeconds() < 30) {
                    double rate = budget.burnRate(sli.read(Duration.ofSeconds(10), Instant.now()).errorRatio());
                    if (rate > 10) {
                        seen = Instant.now();
                    }
                    Thread.sleep(10);
                }
                assertThat(seen).as("Prometheus never showed a burn rate above 10").isNotNull();
                assertThat(breached.await(10, TimeUnit.SECONDS)).isTrue();
                Breach b = breach.get();

                assertThat(b.guard()).isEqualTo("burn-rate");
                assertThat(b.measured()).isGreaterThan(10);
                assertThat(b.threshold()).isEqualTo(10);
                assertThat(b.reason()).startsWith("burn rate over 10s [").contains("is above the threshold [10x]");
                assertThat(b.detectedAt()).isAfter(raised);
                // the check that breached started within the abort target (one interval + 100 ms) of the data showing the burn
                Duration lag = Duration.between(seen, b.check().at());
                assertThat(lag).as("check started %s after the data showed the burn", lag)
                        .isLessThanOrEqualTo(spec.guardInterval().plusMillis(100));
                assertThat(monitor.checks()).filteredOn(c -> c.at().isBefore(raised)).allMatch(GuardCheck::ok);

                run.stop();
                SafetyJournal.Sections journal = run.journal();
                assertThat(journal.guards().get("interval_ms").asLong()).isEqualTo(250);
                assertThat(journal.guards().get("checks").size()).isGreaterThan(1);
                assertThat(journal.budget().get("slo").asText()).isEqualTo("storefront-availability");
                assertThat(journal.budget().get("burn_rate").size()).isEqualTo(journal.guards().get("checks").size());
                assertThat(SafetyJournal.abort(b, b.detectedAt(), null).get("breach_detected_at").asText()).isEqualTo(b.detectedAt().toString());
            }
        }
    }
}
