package dev.faultline.safety.slo;

import dev.faultline.safety.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenSLO v1 {@code SLO} objects. The indicator may be inline ({@code spec.indicator}), a
 * reference to an {@code SLI} object in the same file ({@code spec.indicatorRef}), or given per
 * objective. An SLO with several objectives yields one {@link Slo} per objective, named
 * {@code <name>/<displayName or index>}. Calendar windows are read as rolling windows of the same
 * length. Other kinds (Service, DataSource, AlertPolicy, ...) are skipped.
 */
final class OpenSloReader {

    private static final Set<String> IGNORED_KINDS = Set.of("Service", "DataSource", "AlertPolicy", "AlertCondition",
            "AlertNotificationTarget", "SLI");

    private final Map<String, ConfigNode> slis = new LinkedHashMap<>();

    OpenSloReader(List<ConfigNode> objects) {
        for (ConfigNode object : objects) {
            if (object.isObject() && "SLI".equals(textOrNull(object.get("kind")))) {
                slis.put(object.required("metadata", "{name: my-sli}").required("name", "my-sli").text(), object.get("spec"));
            }
        }
    }

    List<Slo> read(ConfigNode doc) {
        String apiVersion = doc.get("apiVersion").text();
        if (!apiVersion.equals("openslo/v1")) {
            throw doc.get("apiVersion").error("unsupported OpenSLO version [" + apiVersion + "]",
                    "convert the file to apiVersion: openslo/v1");
        }
        String kind = doc.required("kind", "SLO").text();
        if (IGNORED_KINDS.contains(kind)) {
            return List.of();
        }
        if (!kind.equals("SLO")) {
            throw doc.get("kind").error("unknown OpenSLO kind [" + kind + "]", "use kind: SLO");
        }
        String name = doc.required("metadata", "{name: my-slo}").required("name", "my-slo").nonEmptyText("my-slo");
        ConfigNode spec = doc.required("spec", "{service: ..., indicator: ..., timeWindow: ..., objectives: ...}");
        String service = spec.required("service", "my-service").nonEmptyText("my-service");
        Duration window = window(spec);
        List<ConfigNode> objectives = spec.required("objectives", "[{target: 0.999}]").elements();
        if (objectives.isEmpty()) {
            throw spec.get("objectives").error("is empty", "add an objective such as [{target: 0.999}]");
        }
        List<Slo> out = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            ConfigNode objective = objectives.get(i);
            ConfigNode sliSpec = indicatorSpec(objective).orElse(null);
            if (sliSpec == null) {
                sliSpec = indicatorSpec(spec).orElseThrow(() -> spec.error("has no indicator",
                        "add indicator: {metadata: {name: ...}, spec: {ratioMetric: ...}} or indicatorRef: <SLI name>"));
            }
            double target = target(objective);
            String sloName = objectives.size() == 1 ? name : name + "/" + objectiveName(objective, i);
            out.add(new Slo(sloName, service, target, window, indicator(sliSpec, objective), doc.source()));
        }
        return out;
    }

    private static Duration window(ConfigNode spec) {
        List<ConfigNode> windows = spec.required("timeWindow", "[{duration: 28d, isRolling: true}]").elements();
        if (windows.size() != 1) {
            throw spec.get("timeWindow").error("must hold exactly one window, but holds [" + windows.size() + "]",
                    "write timeWindow: [{duration: 28d, isRolling: true}]");
        }
        return windows.get(0).required("duration", "28d").duration();
    }

    private java.util.Optional<ConfigNode> indicatorSpec(ConfigNode owner) {
        if (owner.has("indicator")) {
            return java.util.Optional.of(owner.get("indicator").required("spec", "{ratioMetric: {...}}"));
        }
        if (owner.has("indicatorRef")) {
            ConfigNode ref = owner.get("indicatorRef");
            ConfigNode sli = slis.get(ref.text());
            if (sli == null) {
                throw ref.error("no SLI named [" + ref.text() + "] in this file", slis.isEmpty()
                        ? "add a kind: SLI document with that name, or inline the indicator"
                        : "use one of " + slis.keySet());
            }
            return java.util.Optional.of(sli);
        }
        return java.util.Optional.empty();
    }

    private static double target(ConfigNode objective) {
        ConfigNode node = objective.required("target", "0.999");
        double target = node.number();
        if (target >= 1 && target < 100) {
            throw node.error("[" + node.brief() + "] must be a fraction between 0 and 1",
                    "write " + dev.faultline.safety.config.Numbers.hundredth(node.brief()) + " for " + node.brief() + "%");
        }
        if (!(target > 0 && target < 1)) {
            throw node.error("[" + node.brief() + "] must be a fraction between 0 and 1 (exclusive)", "write e.g. target: 0.999");
        }
        return target;
    }

    private static String objectiveName(ConfigNode objective, int index) {
        String display = textOrNull(objective.get("displayName"));
        return display == null || display.isBlank() ? Integer.toString(index) : display.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static Indicator indicator(ConfigNode sliSpec, ConfigNode objective) {
        if (sliSpec.has("ratioMetric")) {
            return ratio(sliSpec.get("ratioMetric"));
        }
        if (sliSpec.has("thresholdMetric")) {
            String query = query(sliSpec.get("thresholdMetric"));
            ConfigNode opNode = objective.required("op", "lte");
            Comparison op = Comparison.parse(opNode.text()).orElseThrow(() -> opNode.error("unknown operator [" + opNode.brief() + "]",
                    "use lt, lte, gt or gte"));
            double value = objective.required("value", "0.2").number();
            return new Indicator.ThresholdQuery(query, op, value);
        }
        throw sliSpec.error("has neither ratioMetric nor thresholdMetric", "write ratioMetric: {good|bad: ..., total: ...}");
    }

    private static Indicator ratio(ConfigNode ratio) {
        boolean counter = ratio.has("counter") && ratio.get("counter").bool();
        if (ratio.has("raw")) {
            String raw = query(ratio.get("raw"));
            String type = ratio.has("rawType") ? ratio.get("rawType").text() : "failure";
            return switch (type) {
                case "failure" -> new Indicator.ErrorRatioQuery(raw);
                case "success" -> new Indicator.ErrorRatioQuery("1 - (" + raw.trim() + ")");
                default -> throw ratio.get("rawType").error("unknown rawType [" + type + "]", "use success or failure");
            };
        }
        boolean good = ratio.has("good");
        boolean bad = ratio.has("bad");
        if (good == bad) {
            throw ratio.error(good ? "has both good and bad" : "has neither good nor bad", "give exactly one of good or bad, and total");
        }
        String total = query(ratio.required("total", "{metricSource: {type: Prometheus, spec: {query: ...}}}"));
        String events = query(ratio.get(good ? "good" : "bad"));
        return new Indicator.EventRatio(good ? events : null, bad ? events : null, total, counter);
    }

    private static String query(ConfigNode metric) {
        ConfigNode source = metric.required("metricSource", "{type: Prometheus, spec: {query: ...}}");
        String type = textOrNull(source.get("type"));
        if (type != null && !type.equalsIgnoreCase("prometheus")) {
            throw source.get("type").error("metric source type [" + type + "] cannot be queried",
                    "use a Prometheus metric source (type: Prometheus)");
        }
        ConfigNode spec = source.required("spec", "{query: ...}");
        if (spec.isText()) {
            return spec.nonEmptyText("sum(rate(http_requests_total[5m]))");
        }
        return spec.required("query", "sum(rate(http_requests_total[5m]))").nonEmptyText("sum(rate(http_requests_total[5m]))");
    }

    private static String textOrNull(ConfigNode node) {
        return node.isMissing() ? null : node.text();
    }
}
