package dev.faultline.safety.slo;

import dev.faultline.safety.config.SafetyConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SloLoaderTest {

    static final String OPENSLO = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: storefront-availability
            spec:
              service: storefront
              budgetingMethod: Occurrences
              timeWindow:
                - duration: 28d
                  isRolling: true
              indicator:
                metadata:
                  name: storefront-good-requests
                spec:
                  ratioMetric:
                    counter: false
                    good:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total{status!~"5.."}[{{.window}}]))
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total[{{.window}}]))
              objectives:
                - displayName: good
                  target: 0.999
            """;

    @Test
    void readsAnOpenSloRatioSlo() {
        Slo slo = SloLoader.parse("slos/storefront.yaml", OPENSLO).get(0);
        assertThat(slo.name()).isEqualTo("storefront-availability");
        assertThat(slo.service()).isEqualTo("storefront");
        assertThat(slo.objective()).isEqualTo(0.999);
        assertThat(slo.window()).isEqualTo(Duration.ofDays(28));
        assertThat(slo.source()).isEqualTo("slos/storefront.yaml");
        Indicator.EventRatio ratio = (Indicator.EventRatio) slo.indicator();
        assertThat(ratio.bad()).isNull();
        assertThat(QueryTemplate.render(ratio.good(), ratio.counter(), Duration.ofMinutes(5)))
                .isEqualTo("sum(rate(http_requests_total{status!~\"5..\"}[5m]))");
    }

    @Test
    void readsOpenSloSliReferencesThresholdsAndSeveralObjectivesAcrossDocuments() {
        String text = """
                apiVersion: openslo/v1
                kind: SLI
                metadata: {name: errors}
                spec:
                  ratioMetric:
                    counter: true
                    bad: {metricSource: {type: Prometheus, spec: {query: 'sum(http_requests_total{code="500"})'}}}
                    total: {metricSource: {type: Prometheus, spec: {query: sum(http_requests_total)}}}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: api-errors}
                spec:
                  service: api
                  indicatorRef: errors
                  timeWindow: [{duration: 1w, isRolling: true}]
                  objectives: [{target: 0.99}]
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: api-latency}
                spec:
                  service: api
                  indicator:
                    metadata: {name: p95}
                    spec:
                      thresholdMetric: {metricSource: {type: Prometheus, spec: {query: histogram_quantile(0.95, x)}}}
                  timeWindow: [{duration: 30d, isRolling: true}]
                  objectives:
                    - {displayName: Fast, op: lte, value: 0.2, target: 0.95}
                    - {displayName: Not Slow, op: lt, value: 1, target: 0.99}
                """;
        List<Slo> slos = SloLoader.parse("multi.yaml", text);
        assertThat(slos).extracting(Slo::name).containsExactly("api-errors", "api-latency/fast", "api-latency/not-slow");
        Indicator.EventRatio errors = (Indicator.EventRatio) slos.get(0).indicator();
        assertThat(errors.counter()).isTrue();
        // a raw counter becomes a per-second rate over the window
        assertThat(QueryTemplate.render(errors.bad(), true, Duration.ofMinutes(5)))
                .isEqualTo("rate((sum(http_requests_total{code=\"500\"}))[5m:10s])");
        Indicator.ThresholdQuery fast = (Indicator.ThresholdQuery) slos.get(1).indicator();
        assertThat(fast.op()).isEqualTo(Comparison.LTE);
        assertThat(fast.value()).isEqualTo(0.2);
        assertThat(slos.get(2).objective()).isEqualTo(0.99);
    }

    @Test
    void readsSlothWithItsThirtyDayDefault() {
        String text = """
                version: "prometheus/v1"
                service: "checkout"
                slos:
                  - name: "requests-availability"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total[{{ .window }}]))
                  - name: "raw"
                    objective: 99
                    sli:
                      raw:
                        error_ratio_query: slo:sli_error:ratio_rate{{.window}}
                """;
        List<Slo> slos = SloLoader.parse("sloth.yaml", text);
        assertThat(slos).hasSize(2);
        Slo first = slos.get(0);
        assertThat(first.objective()).isCloseTo(0.999, within(1e-12));
        assertThat(first.window()).isEqualTo(Duration.ofDays(30));
        assertThat(first.service()).isEqualTo("checkout");
        Indicator.EventRatio ratio = (Indicator.EventRatio) first.indicator();
        assertThat(QueryTemplate.render(ratio.total(), false, Duration.ofHours(1))).isEqualTo("sum(rate(http_requests_total[1h]))");
        assertThat(QueryTemplate.render(ratio.bad(), false, Duration.ofSeconds(10)))
                .isEqualTo("sum(rate(http_requests_total{code=~\"5..\"}[10s]))");
        assertThat(slos.get(1).indicator()).isInstanceOf(Indicator.ErrorRatioQuery.class);
    }

    @Test
    void readsTheSimpleJsonForm() {
        List<Slo> slos = SloLoader.parse("slos.json",
                "{\"services\": {\"api\": {\"availability\": 99.9, \"latency_p95_ms\": 200, \"window\": \"7d\"}, \"web\": {\"availability\": \"99.5%\"}}}");
        assertThat(slos).extracting(Slo::name).containsExactly("api-availability", "api-latency-p95", "web-availability");
        assertThat(slos.get(0).indicator()).isInstanceOf(Indicator.ClientAvailability.class);
        assertThat(slos.get(0).window()).isEqualTo(Duration.ofDays(7));
        Indicator.Latency latency = (Indicator.Latency) slos.get(1).indicator();
        assertThat(latency.percentile()).isEqualTo(95);
        assertThat(latency.thresholdMs()).isEqualTo(200);
        assertThat(slos.get(1).objective()).isEqualTo(0.95);
        assertThat(slos.get(2).objective()).isCloseTo(0.995, within(1e-12));
        assertThat(slos.get(2).window()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aYamlFileMayStartWithAFlowMapping() {
        assertThat(SloLoader.parse("slos.yaml", "{services: {api: {availability: 99.5}}}")).extracting(Slo::name)
                .containsExactly("api-availability");
    }

    @Test
    void errorsNameTheFileTheFieldAndTheFix() {
        String percentTarget = OPENSLO.replace("target: 0.999", "target: 99.9");
        assertThatThrownBy(() -> SloLoader.parse("slos/storefront.yaml", percentTarget))
                .isInstanceOf(SafetyConfigException.class)
                .hasMessage("slos/storefront.yaml: spec.objectives[0].target: [99.9] must be a fraction between 0 and 1; write 0.999 for 99.9%");

        String noTotal = OPENSLO.replace("total:", "totl:");
        assertThatThrownBy(() -> SloLoader.parse("s.yaml", noTotal))
                .hasMessageContaining("s.yaml: spec.indicator.spec.ratioMetric: required field [total] is missing; add total:");

        String datadog = OPENSLO.replaceFirst("type: Prometheus", "type: Datadog");
        assertThatThrownBy(() -> SloLoader.parse("s.yaml", datadog))
                .hasMessageContaining("spec.indicator.spec.ratioMetric.good.metricSource.type: metric source type [Datadog] cannot be queried");

        assertThatThrownBy(() -> SloLoader.parse("sloth.yaml", "version: prometheus/v1\nservice: a\nslos: [{name: x, objective: 99.9, sli: {events: {error_query: 'sum(x[5m])', total_query: 'sum(y[{{.window}}])'}}}]"))
                .hasMessageContaining("sloth.yaml: slos[0].sli.events.error_query: Sloth queries must contain the {{.window}} placeholder");

        assertThatThrownBy(() -> SloLoader.parse("x.yaml", "foo: bar"))
                .hasMessageContaining("is not an SLO document in a known format");

        assertThatThrownBy(() -> SloLoader.parse("bad.yaml", "services: {api: {availability: [}"))
                .hasMessageStartingWith("bad.yaml:1:").hasMessageContaining("invalid YAML");

        assertThatThrownBy(() -> SloLoader.parse("s.json", "{\"services\": {\"api\": {\"availabilty\": 99.9}}}"))
                .hasMessageContaining("s.json: services.api.availabilty: unknown field [availabilty]");

        String second = "services: {api: {availability: 99.9}}\n---\nservices: {web: {availability: 120}}\n";
        assertThatThrownBy(() -> SloLoader.parse("two.yaml", second))
                .hasMessageContaining("two.yaml: document[1].services.web.availability: [120] must be a percentage");
    }

    @Test
    void catalogResolvesReferencesAgainstTheBaseFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("slos"));
        Files.writeString(dir.resolve("slos/storefront.yaml"), OPENSLO);
        SloCatalog catalog = new SloCatalog(dir);
        assertThat(catalog.resolve(new SloRef("slos/storefront.yaml", "storefront-availability")).objective()).isEqualTo(0.999);
        assertThat(catalog.resolve(new SloRef("slos/storefront.yaml", null)).name()).isEqualTo("storefront-availability");
        assertThatThrownBy(() -> catalog.resolve(new SloRef("slos/storefront.yaml", "checkout")))
                .hasMessageContaining("no SLO named [checkout]").hasMessageContaining("use one of [storefront-availability]");
        assertThatThrownBy(() -> catalog.resolve(new SloRef("slos/missing.yaml", null)))
                .hasMessageContaining("missing.yaml: SLO file not found");
    }
}
