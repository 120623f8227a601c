package dev.faultline.safety.slo;

import dev.faultline.safety.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simple per-service form:
 * {@code {"services": {"api": {"availability": 99.9, "latency_p95_ms": 200, "window": "30d"}}}}.
 * Each service yields {@code <service>-availability} and one {@code <service>-latency-pNN} SLO per
 * latency key. A latency objective "p95 below 200 ms" means 95% of requests must be faster than
 * 200 ms, so its objective is 0.95.
 */
final class SimpleSloReader {

    private static final Pattern LATENCY = Pattern.compile("latency_p(\\d+(?:\\.\\d+)?)_ms");
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private SimpleSloReader() {
    }

    static List<Slo> read(ConfigNode doc) {
        List<Slo> out = new ArrayList<>();
        Map<String, ConfigNode> services = doc.get("services").fields();
        if (services.isEmpty()) {
            throw doc.get("services").error("defines no service", "write services: {api: {availability: 99.9}}");
        }
        for (Map.Entry<String, ConfigNode> entry : services.entrySet()) {
            out.addAll(service(entry.getKey(), entry.getValue()));
        }
        return out;
    }

    private static List<Slo> service(String service, ConfigNode node) {
        Duration window = node.has("window") ? node.get("window").duration() : DEFAULT_WINDOW;
        List<Slo> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> field : node.fields().entrySet()) {
            String key = field.getKey();
            ConfigNode value = field.getValue();
            Matcher latency = LATENCY.matcher(key);
            if (key.equals("availability")) {
                out.add(new Slo(service + "-availability", service, availability(value), window, availabilityIndicator(node),
                        node.source()));
            } else if (latency.matches()) {
                double percentile = Double.parseDouble(latency.group(1));
                if (!(percentile > 0 && percentile < 100)) {
                    throw value.error("percentile [" + latency.group(1) + "] must be between 0 and 100", "write e.g. latency_p95_ms");
                }
                double ms = value.number();
                if (!(ms > 0)) {
                    throw value.error("[" + value.brief() + "] must be a positive number of milliseconds", "write e.g. " + key + ": 200");
                }
                String name = service + "-latency-p" + QueryTemplate.number(percentile);
                out.add(new Slo(name, service, percentile / 100.0, window, new Indicator.Latency(percentile, ms, null),
                        node.source()));
            } else if (!key.equals("window") && !key.equals("error_query") && !key.equals("total_query")) {
                throw value.error("unknown field [" + key + "]",
                        "use availability, latency_pNN_ms (e.g. latency_p95_ms), window, error_query or total_query");
            }
        }
        if (out.isEmpty()) {
            throw node.error("defines no objective", "add availability: 99.9 and/or latency_p95_ms: 200");
        }
        return out;
    }

    private static double availability(ConfigNode value) {
        String text = value.isText() ? value.text().trim() : null;
        double percent = text != null && text.endsWith("%")
                ? Double.parseDouble(text.substring(0, text.length() - 1))
                : value.number();
        if (percent > 0 && percent <= 1) {
            percent = percent * 100; // written as a fraction (0.999)
        }
        if (!(percent > 0 && percent < 100)) {
            throw value.error("[" + value.brief() + "] must be a percentage between 0 and 100 (exclusive)", "write e.g. availability: 99.9");
        }
        return percent / 100.0;
    }

    private static Indicator availabilityIndicator(ConfigNode node) {
        boolean error = node.has("error_query");
        boolean total = node.has("total_query");
        if (error != total) {
            throw node.error("has only one of error_query and total_query", "give both, or neither to measure with the load probe");
        }
        if (!error) {
            return new Indicator.ClientAvailability();
        }
        return Indicator.EventRatio.ofBad(node.get("error_query").nonEmptyText("sum(rate(...[{{.window}}]))"),
                node.get("total_query").nonEmptyText("sum(rate(...[{{.window}}]))"));
    }
}
