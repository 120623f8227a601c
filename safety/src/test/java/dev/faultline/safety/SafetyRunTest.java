package dev.faultline.safety;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.safety.blast.PlannedFault;
import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.preflight.PreflightReport;
import dev.faultline.safety.preflight.Verdict;
import dev.faultline.safety.spec.SafetySpec;
import dev.faultline.safety.spec.SafetySpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetyRunTest {

    static SafetySpec spec(String yaml) throws Exception {
        return SafetySpecParser.parse(new YAMLMapper().readTree(yaml), "exp.yaml");
    }

    @Test
    void guardsThatCannotMeasureTheirSloFailAtBuildTime(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slos.json"), "{\"services\": {\"api\": {\"availability\": 99.9}}}");
        SafetySpec noSource = spec("slos: [{file: slos.json, name: api-availability}]");
        assertThatThrownBy(() -> SafetyRun.builder(noSource).baseDir(dir).source("exp.yaml").build())
                .isInstanceOf(SafetyConfigException.class)
                .hasMessageContaining("exp.yaml: safety.guards.burn-rate: SLO [api-availability] has no Prometheus queries and there is no load probe");

        SafetySpec latency = spec("guards: {latency: {percentile: 95}}");
        assertThatThrownBy(() -> SafetyRun.builder(latency).baseDir(dir).build())
                .hasMessageContaining("safety.guards.latency: no max-ms and no p95 latency SLO to take it from");

        SafetySpec missing = spec("slos: [{file: nope.yaml}]");
        assertThatThrownBy(() -> SafetyRun.builder(missing).baseDir(dir).build()).hasMessageContaining("nope.yaml: SLO file not found");
    }

    @Test
    void preflightCollectsEveryDenialAndLocksOnlyWhenAllowed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slos.json"), "{\"services\": {\"api\": {\"availability\": 99.9, \"latency_p95_ms\": 200}}}");
        SafetySpec spec = spec("""
                slos: [{file: slos.json, name: api-availability}, {file: slos.json, name: api-latency-p95}]
                guards: {latency: {percentile: 95}, max-duration: 5m}
                load: {url: "http://127.0.0.1:1/api", rate: 5}
                preflight: {lock-dir: %s}
                blast-radius: {allowed-namespaces: [staging]}
                """.formatted(dir.resolve("locks")));
        try (SafetyRun run = SafetyRun.builder(spec).baseDir(dir).ownNamespace("faultline").owner("run-1").build()) {
            PlannedFault prod = new PlannedFault("kill", "kubernetes", "pod-kill", "k8s:prod/web", "prod",
                    List.of(new PlannedFault.TargetObject("prod", "web-0", Map.of())), 3, false, null);
            PreflightReport refused = run.preflight(List.of(prod), List.of("k8s:prod/web"));
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.denials()).extracting(Verdict::reason).singleElement().asString()
                    .contains("namespace [prod], which is not in the allowed namespaces [staging]");
            assertThat(refused.verdicts()).extracting(Verdict::check).doesNotContain("run-lock");

            PlannedFault staging = new PlannedFault("kill", "kubernetes", "pod-kill", "k8s:staging/web", "staging",
                    List.of(new PlannedFault.TargetObject("staging", "web-0", Map.of())), 3, false, null);
            PreflightReport allowed = run.preflight(List.of(staging), List.of("k8s:staging/web"));
            assertThat(allowed.allowed()).as(allowed.toString()).isTrue();
            assertThat(allowed.verdicts()).extracting(Verdict::check).containsExactly("allowed-windows", "blast-radius", "run-lock");
            assertThat(Files.list(dir.resolve("locks")).count()).isEqualTo(1);
            assertThat(run.blastRadius().protectedNamespaces()).contains("faultline", "kube-system");
        }
    }

    @Test
    void anUnreachablePrometheusRefusesTheRunUnlessOptional(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slo.yaml"), """
                version: prometheus/v1
                service: shop
                slos:
                  - name: availability
                    objective: 99.9
                    sli: {events: {error_query: 'sum(rate(e[{{.window}}]))', total_query: 'sum(rate(t[{{.window}}]))'}}
                """);
        String url = "http://127.0.0.1:" + dev.faultline.testkit.FreePorts.next();
        SafetySpec required = spec("slos: [slo.yaml]\nprometheus: " + url + "\npreflight: {lock: false}");
        try (SafetyRun run = SafetyRun.builder(required).baseDir(dir).build()) {
            PreflightReport report = run.preflight(List.of(), List.of());
            assertThat(report.allowed()).isFalse();
            assertThat(report.denials()).extracting(Verdict::check).containsExactly("prometheus", "remaining-budget");
            assertThat(report.denials().get(0).reason()).contains("is unreachable").contains("set safety.preflight.prometheus: optional");
        }
        SafetySpec optional = spec("slos: [slo.yaml]\nprometheus: " + url + "\npreflight: {lock: false, prometheus: optional}\n"
                + "guards: {max-duration: 1h}");
        try (SafetyRun run = SafetyRun.builder(optional).baseDir(dir).build()) {
            PreflightReport report = run.preflight(List.of(), List.of());
            assertThat(report.allowed()).as(report.toString()).isTrue();
            run.start(b -> { });
            // the Prometheus guards are left out; the rest still runs
            assertThat(run.monitor().orElseThrow().definitions()).extracting(d -> d.name()).containsExactly("max-duration");
            run.stop();
        }
    }
}
