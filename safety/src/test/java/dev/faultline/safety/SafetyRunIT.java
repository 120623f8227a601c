package dev.faultline.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.safety.guard.Breach;
import dev.faultline.safety.spec.SafetySpec;
import dev.faultline.safety.spec.SafetySpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client-side safety without Prometheus: a simple-form SLO measured by the load probe against a real
 * local service that starts failing; the burn-rate guard computed from the probe's samples aborts.
 */
class SafetyRunIT {

    @Test
    void theLoadProbeFeedsTheBurnRateGuardWhenThereIsNoPrometheus(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slos.yaml"), "services: {api: {availability: 99, window: 30d}}\n");
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.setExecutor(Executors.newFixedThreadPool(4));
        AtomicInteger status = new AtomicInteger(200);
        service.createContext("/api", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        service.start();
        try {
            JsonNode block = new YAMLMapper().readTree("""
                    slos: [slos.yaml]
                    guard-interval: 100ms
                    guards: {burn-rate: {max: 10, window: 2s}, budget-allotment: false}
                    load: {url: "http://127.0.0.1:%d/api", rate: 40, sample-interval: 100ms}
                    preflight: {lock: false}
                    """.formatted(service.getAddress().getPort()));
            SafetySpec spec = SafetySpecParser.parse(block, "exp.yaml");
            CountDownLatch breached = new CountDownLatch(1);
            AtomicReference<Breach> breach = new AtomicReference<>();
            try (SafetyRun run = SafetyRun.builder(spec).baseDir(dir).build()) {
                assertThat(run.preflight(List.of(), List.of()).allowed()).isTrue();
                run.start(b -> {
                    breach.set(b);
                    breached.countDown();
                });
                while (run.load().orElseThrow().totals().requests() < 20) {
                    Thread.sleep(20);
                }
                assertThat(run.breach()).isEmpty();
                Instant failing = Instant.now();
                status.set(500);
                assertThat(breached.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(breach.get().guard()).isEqualTo("burn-rate");
                assertThat(breach.get().detectedAt()).isAfter(failing);
                assertThat(breach.get().reason()).startsWith("burn rate over 2s [");
                run.stop();
                SafetyJournal.Sections journal = run.journal();
                assertThat(journal.sli().get("source").asText()).isEqualTo("load-probe");
                assertThat(journal.sli().get("slo").get("availability").asDouble()).isEqualTo(0.99);
                assertThat(journal.sli().get("totals").get("errors").asLong()).isPositive();
                assertThat(journal.guards().get("definitions").get(0).get("name").asText()).isEqualTo("burn-rate");
                assertThat(journal.budget().get("remaining_before").isNull()).isTrue();
            }
        } finally {
            service.stop(0);
        }
    }
}
