package dev.faultline.safety.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.safety.blast.BlastRadiusPolicy;
import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.preflight.PrometheusRequirement;
import dev.faultline.safety.slo.SloRef;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetySpecParserTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    static SafetySpec parse(String yaml) throws Exception {
        JsonNode root = YAML.readTree(yaml);
        return SafetySpecParser.parse(root.get("safety"), "experiments/x.yaml");
    }

    @Test
    void readsTheFullExample() throws Exception {
        SafetySpec spec = parse("""
                safety:
                  slos: [{file: slos/storefront.yaml, name: storefront-availability}]
                  guard-interval: 250ms
                  guards: {burn-rate: {max: 14.4}, budget-allotment: 2%, health: {url: "http://127.0.0.1:8080/health", failures: 3}, latency: {percentile: 95, max-ms: 300}, max-duration: 10m}
                  preflight: {min-remaining-budget: 25%, allowed-windows: ["Mon-Fri 08:00-18:00 UTC"], prometheus: required}
                  blast-radius: {allowed-namespaces: [staging], max-pods-per-action: 2, max-percentage: 50, require-label: "faultline.dev/chaos=enabled", max-concurrent-faults: 3, max-total-fault-time: 5m}
                  load: {url: "http://127.0.0.1:8080/api/products", rate: 20, timeout: 2s}
                """);
        assertThat(spec.slos()).containsExactly(new SloRef("slos/storefront.yaml", "storefront-availability"));
        assertThat(spec.guardInterval()).isEqualTo(Duration.ofMillis(250));
        GuardsSpec g = spec.guards();
        assertThat(g.burnRate().orElseThrow().max()).isEqualTo(14.4);
        assertThat(g.burnRate().orElseThrow().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(g.budgetAllotment().orElseThrow().fraction()).isEqualTo(0.02);
        assertThat(g.health().orElseThrow().url()).isEqualTo(URI.create("http://127.0.0.1:8080/health"));
        assertThat(g.health().orElseThrow().failures()).isEqualTo(3);
        assertThat(g.latency().orElseThrow().maxMs()).isEqualTo(300);
        assertThat(g.maxDuration()).contains(Duration.ofMinutes(10));
        assertThat(spec.preflight().minRemainingBudget()).isEqualTo(0.25);
        assertThat(spec.preflight().prometheus()).isEqualTo(PrometheusRequirement.REQUIRED);
        assertThat(spec.preflight().allowedWindows().get(0).contains(Instant.parse("2026-11-25T09:00:00Z"))).isTrue(); // a Wednesday
        assertThat(spec.preflight().allowedWindows().get(0).contains(Instant.parse("2026-11-28T09:00:00Z"))).isFalse(); // a Saturday
        BlastRadiusPolicy b = spec.blastRadius();
        assertThat(b.allowedNamespaces()).containsExactly("staging");
        assertThat(b.maxPodsPerAction()).isEqualTo(2);
        assertThat(b.maxPercentage()).isEqualTo(50);
        assertThat(b.requiredLabel().toString()).isEqualTo("faultline.dev/chaos=enabled");
        assertThat(b.maxTotalFaultTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.protectedNamespaces()).contains("kube-system");
        LoadSpec load = spec.load().orElseThrow();
        assertThat(load.rate()).isEqualTo(20);
        assertThat(load.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(load.toConfig().url()).isEqualTo(URI.create("http://127.0.0.1:8080/api/products"));
    }

    @Test
    void referencingAnSloSwitchesOnTheDefaultBudgetGuards() throws Exception {
        SafetySpec spec = parse("safety: {slos: [slos/one.yaml]}");
        assertThat(spec.slos()).containsExactly(new SloRef("slos/one.yaml", null));
        assertThat(spec.guardInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(spec.guards().burnRate().orElseThrow().max()).isEqualTo(14.4);
        assertThat(spec.guards().budgetAllotment().orElseThrow().fraction()).isEqualTo(0.02);
        assertThat(spec.preflight().minRemainingBudget()).isEqualTo(0.25);
        assertThat(spec.preflight().prometheus()).isEqualTo(PrometheusRequirement.REQUIRED);
        assertThat(spec.preflight().lockDir()).isEqualTo(Path.of(".faultline", "locks"));
        assertThat(spec.blastRadius()).isEqualTo(BlastRadiusPolicy.defaults());

        SafetySpec off = parse("safety: {slos: [slos/one.yaml], guards: {burn-rate: false, budget-allotment: off}}");
        assertThat(off.guards().burnRate()).isEmpty();
        assertThat(off.guards().budgetAllotment()).isEmpty();
    }

    @Test
    void aMissingBlockGivesTheDefaults() {
        SafetySpec spec = SafetySpecParser.parse(null, "x.yaml");
        assertThat(spec).isEqualTo(SafetySpec.defaults());
        assertThat(spec.guards().any()).isFalse();
    }

    @Test
    void shorthandsAndOptions() throws Exception {
        SafetySpec spec = parse("""
                safety:
                  slos: [{file: a.yaml}]
                  prometheus: {url: "http://127.0.0.1:9090", timeout: 1s}
                  guards: {burn-rate: 6, budget-allotment: {max: 0.05, baseline: 6h, source: load}, health: "http://h/health"}
                  preflight: {allowed-windows: "22:00-06:00 Europe/Paris", prometheus: optional, lock: false}
                """);
        assertThat(spec.prometheus()).contains(URI.create("http://127.0.0.1:9090"));
        assertThat(spec.prometheusTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(spec.guards().burnRate().orElseThrow().max()).isEqualTo(6);
        assertThat(spec.guards().budgetAllotment().orElseThrow().baseline()).isEqualTo(Duration.ofHours(6));
        assertThat(spec.guards().budgetAllotment().orElseThrow().source()).isEqualTo(GuardsSpec.Source.LOAD);
        assertThat(spec.guards().health().orElseThrow().failures()).isEqualTo(3);
        assertThat(spec.preflight().prometheus()).isEqualTo(PrometheusRequirement.OPTIONAL);
        assertThat(spec.preflight().lock()).isFalse();
    }

    @Test
    void errorsGiveThePathTheValueAndTheFix() {
        assertThatThrownBy(() -> parse("safety: {guard-interval: 250}"))
                .isInstanceOf(SafetyConfigException.class)
                .hasMessage("experiments/x.yaml: safety.guard-interval: [250] has no unit; write it with a unit, e.g. 250s or 250ms");
        assertThatThrownBy(() -> parse("safety: {slos: [a.yaml], guards: {burn-rate: {max: fast}}}"))
                .hasMessage("experiments/x.yaml: safety.guards.burn-rate.max: [fast] is not a number; write a number such as 14.4");
        assertThatThrownBy(() -> parse("safety: {slos: [a.yaml], guards: {budget-allotment: 2}}"))
                .hasMessageContaining("safety.guards.budget-allotment: [2] is ambiguous; write a percentage such as [2%] or a fraction between 0 and 1 such as [0.02]");
        assertThatThrownBy(() -> parse("safety: {guards: {burnrate: 14.4}}"))
                .hasMessageContaining("safety.guards.burnrate: unknown field [burnrate]; use one of [burn-rate,");
        assertThatThrownBy(() -> parse("safety: {guards: {burn-rate: 14.4}}"))
                .hasMessageContaining("safety.guards.burn-rate: guard [burn-rate] needs an SLO, but safety.slos is empty");
        assertThatThrownBy(() -> parse("safety: {preflight: {allowed-windows: [\"Mon-Fry 09:00-17:00\"]}}"))
                .hasMessageContaining("safety.preflight.allowed-windows[0]: [Fry] in [Mon-Fry 09:00-17:00] is not a day");
        assertThatThrownBy(() -> parse("safety: {preflight: {prometheus: maybe}}"))
                .hasMessageContaining("safety.preflight.prometheus: unknown value [maybe]; write required");
        assertThatThrownBy(() -> parse("safety: {blast-radius: {allowed-namespaces: [kube-system]}}"))
                .hasMessageContaining("namespace [kube-system] is protected and cannot be allowed");
        assertThatThrownBy(() -> parse("safety: {load: {url: 'ftp://x', rate: 20}}"))
                .hasMessageContaining("safety.load.url: [ftp://x] is not an http(s) URL");
        assertThatThrownBy(() -> parse("safety: {load: {url: 'http://x/', rate: 100000}}"))
                .hasMessageContaining("safety.load.rate: [100000] requests per second is out of range");
        assertThatThrownBy(() -> parse("safety: {slos: [{name: x}]}"))
                .hasMessageContaining("safety.slos[0]: required field [file] is missing; add file: slos/storefront.yaml");
    }
}
