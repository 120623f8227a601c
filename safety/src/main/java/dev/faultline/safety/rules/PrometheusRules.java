package dev.faultline.safety.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.safety.budget.BurnRateAlert;
import dev.faultline.safety.budget.BurnRateAlerts;
import dev.faultline.safety.config.Durations;
import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.slo.Indicator;
import dev.faultline.safety.slo.QueryTemplate;
import dev.faultline.safety.slo.Slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A Prometheus Operator {@code PrometheusRule} for SLOs, from the same SLO files the guards use:
 * one error-ratio recording rule per window ({@code slo:sli_error:ratio_rate<window>}) and the four
 * multiwindow burn-rate alerts of the SRE Workbook (page at 14.4x over 1h/5m and 6x over 6h/30m,
 * ticket at 3x over 1d/2h and 1x over 3d/6h for a 30-day window; other windows scale the rates).
 */
public final class PrometheusRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusRules() {
    }

    /** The resource for {@code slos}; named after the first one unless {@code name} is given. */
    public static ObjectNode resource(List<Slo> slos, String name, String namespace) {
        if (slos.isEmpty()) {
            throw new IllegalArgumentException("no SLO to generate rules for");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "monitoring.coreos.com/v1");
        root.put("kind", "PrometheusRule");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", name != null ? name : "faultline-slo-" + slos.get(0).name());
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        ObjectNode labels = metadata.putObject("labels");
        labels.put("app.kubernetes.io/name", "faultline");
        labels.put("app.kubernetes.io/component", "slo-rules");
        ArrayNode groups = root.putObject("spec").putArray("groups");
        for (Slo slo : slos) {
            groups.add(recordings(slo));
            groups.add(alerts(slo));
        }
        return root;
    }

    private static ObjectNode recordings(Slo slo) {
        ObjectNode group = JSON.createObjectNode();
        group.put("name", "slo-" + slo.name() + "-recordings");
        ArrayNode rules = group.putArray("rules");
        TreeSet<Duration> windows = new TreeSet<>();
        BurnRateAlerts.workbook(slo.budget()).forEach(row -> {
            windows.add(row.longWindow());
            windows.add(row.shortWindow());
        });
        for (Duration window : windows) {
            ObjectNode rule = rules.addObject();
            rule.put("record", "slo:sli_error:ratio_rate" + prometheus(window));
            rule.put("expr", errorRatio(slo, window));
            ObjectNode labels = rule.putObject("labels");
            labels.put("slo", slo.name());
            labels.put("service", slo.service());
        }
        return group;
    }

    private static ObjectNode alerts(Slo slo) {
        ObjectNode group = JSON.createObjectNode();
        group.put("name", "slo-" + slo.name() + "-burn-rate-alerts");
        ArrayNode rules = group.putArray("rules");
        String budget = number(slo.budget().fraction());
        for (BurnRateAlert row : BurnRateAlerts.workbook(slo.budget())) {
            String rate = number(row.burnRate());
            String longWindow = prometheus(row.longWindow());
            String shortWindow = prometheus(row.shortWindow());
            ObjectNode rule = rules.addObject();
            rule.put("alert", "SloErrorBudgetBurn" + capitalized(row.severity()) + longWindow);
            rule.put("expr", "slo:sli_error:ratio_rate" + longWindow + "{slo=\"" + slo.name() + "\"} > (" + rate + " * " + budget + ")\n"
                    + "and\n"
                    + "slo:sli_error:ratio_rate" + shortWindow + "{slo=\"" + slo.name() + "\"} > (" + rate + " * " + budget + ")\n");
            ObjectNode labels = rule.putObject("labels");
            labels.put("severity", row.severity());
            labels.put("long_window", longWindow);
            labels.put("short_window", shortWindow);
            ObjectNode annotations = rule.putObject("annotations");
            annotations.put("summary", slo.name() + " burns its error budget at more than " + rate + "x over " + longWindow
                    + " and " + shortWindow);
            annotations.put("description", "At this burn rate " + number(row.budgetFraction() * 100) + "% of the "
                    + prometheus(slo.window()) + " error budget is spent within " + longWindow + ". Stop chaos experiments against "
                    + (slo.service().isEmpty() ? "the service" : slo.service()) + " (faultline abort, or delete the game-day Job) and look at its errors.");
        }
        return group;
    }

    /** The SLI's error ratio over {@code window}, as PromQL. */
    static String errorRatio(Slo slo, Duration window) {
        Indicator indicator = slo.indicator();
        if (indicator instanceof Indicator.EventRatio ratio) {
            String total = QueryTemplate.render(ratio.total(), ratio.counter(), window);
            if (ratio.bad() != null) {
                return QueryTemplate.render(ratio.bad(), ratio.counter(), window) + "\n/\n" + total + "\n";
            }
            return "1 - (\n" + QueryTemplate.render(ratio.good(), ratio.counter(), window) + "\n/\n" + total + "\n)\n";
        }
        if (indicator instanceof Indicator.ErrorRatioQuery query) {
            return QueryTemplate.render(query.query(), false, window) + "\n";
        }
        throw new SafetyConfigException(slo.source(), slo.name(), "SLO [" + slo.name() + "] has no Prometheus event queries ("
                + indicator.describe() + ")", "burn-rate rules need good/bad and total queries; give it a ratioMetric or Sloth events");
    }

    private static String prometheus(Duration window) {
        return Durations.prometheus(window);
    }

    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
