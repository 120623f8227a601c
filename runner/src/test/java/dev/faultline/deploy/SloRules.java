package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example SLO (experiments/slo/storefront.yaml) and the PrometheusRule that alerts on it
 * (k8s/base/prometheusrule.yaml), read independently so tests can hold one against the other.
 */
final class SloRules {

    static final Path SLO_FILE = Path.of("experiments/slo/storefront.yaml");
    static final Path RULE_FILE = Path.of("k8s/base/prometheusrule.yaml");

    /** The OpenSLO fields the rules depend on. */
    record Slo(String name, String service, double target, Duration period, String badQuery, String totalQuery) {
        double budget() {
            return 1 - target;
        }
    }

    /** One row of the SRE Workbook's multiwindow table: spend {@code fraction} of the budget in {@code longWindow}. */
    record Row(String severity, Duration longWindow, double fraction) {
        Duration shortWindow() {
            return longWindow.dividedBy(12);
        }

        double burnRate(Duration period) {
            return fraction * period.toSeconds() / longWindow.toSeconds();
        }
    }

    static final List<Row> WORKBOOK = List.of(
            new Row("page", Duration.ofHours(1), 0.02),
            new Row("page", Duration.ofHours(6), 0.05),
            new Row("ticket", Duration.ofDays(1), 0.10),
            new Row("ticket", Duration.ofDays(3), 0.10));

    private SloRules() {
    }

    static Slo slo() throws IOException {
        JsonNode doc = Manifests.YAML.readTree(Files.readString(Manifests.root().resolve(SLO_FILE)));
        JsonNode spec = doc.path("spec");
        JsonNode ratio = spec.path("indicator").path("spec").path("ratioMetric");
        return new Slo(doc.path("metadata").path("name").asText(), spec.path("service").asText(),
                spec.path("objectives").get(0).path("target").asDouble(),
                parse(spec.path("timeWindow").get(0).path("duration").asText()),
                ratio.path("bad").path("metricSource").path("spec").path("query").asText(),
                ratio.path("total").path("metricSource").path("spec").path("query").asText());
    }

    static GenericKubernetesResource resource() {
        return Manifests.generic(Manifests.read(Manifests.root().resolve(RULE_FILE)), "PrometheusRule").get(0);
    }

    /** {@code spec.groups} of the PrometheusRule, as plain maps (the shape of a Prometheus rule file). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> groups(GenericKubernetesResource rule) {
        Map<String, Object> spec = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
        return (List<Map<String, Object>>) spec.get("groups");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(GenericKubernetesResource rule) {
        List<Map<String, Object>> out = new ArrayList<>();
        groups(rule).forEach(g -> out.addAll((List<Map<String, Object>>) g.get("rules")));
        return out;
    }

    static List<Map<String, Object>> recordings(GenericKubernetesResource rule) {
        return rules(rule).stream().filter(r -> r.containsKey("record")).toList();
    }

    static List<Map<String, Object>> alerts(GenericKubernetesResource rule) {
        return rules(rule).stream().filter(r -> r.containsKey("alert")).toList();
    }

    /** A Prometheus duration in its largest whole unit: 5m, 2h, 3d. */
    static String prometheus(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static Duration parse(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            case 's' -> Duration.ofSeconds(n);
            default -> throw new IllegalArgumentException("not a duration: [" + text + "]");
        };
    }

    static String window(String query, Duration window) {
        return query.replaceAll("\\{\\{\\s*\\.window\\s*}}", prometheus(window));
    }

    static String squash(Object expr) {
        return String.valueOf(expr).trim().replaceAll("\\s+", " ");
    }
}
