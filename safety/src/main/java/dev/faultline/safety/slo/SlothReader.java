package dev.faultline.safety.slo;

import dev.faultline.safety.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Sloth {@code prometheus/v1} specs. Sloth files carry no period; Sloth's own default of 30 days
 * is used. Objectives are percentages ({@code 99.9}).
 */
final class SlothReader {

    static final String VERSION = "prometheus/v1";
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private SlothReader() {
    }

    static List<Slo> read(ConfigNode doc) {
        String service = doc.required("service", "my-service").nonEmptyText("my-service");
        List<ConfigNode> slos = doc.required("slos", "[{name: availability, objective: 99.9, sli: {...}}]").elements();
        if (slos.isEmpty()) {
            throw doc.get("slos").error("is empty", "add at least one SLO");
        }
        List<Slo> out = new ArrayList<>();
        for (ConfigNode slo : slos) {
            String name = slo.required("name", "requests-availability").nonEmptyText("requests-availability");
            ConfigNode objectiveNode = slo.required("objective", "99.9");
            double percent = objectiveNode.number();
            if (!(percent > 0 && percent < 100)) {
                throw objectiveNode.error("[" + objectiveNode.brief() + "] must be a percentage between 0 and 100 (exclusive)",
                        "write e.g. objective: 99.9");
            }
            Indicator indicator = indicator(slo.required("sli", "{events: {error_query: ..., total_query: ...}}"));
            out.add(new Slo(name, service, percent / 100.0, DEFAULT_WINDOW, indicator, doc.source()));
        }
        return out;
    }

    private static Indicator indicator(ConfigNode sli) {
        if (sli.has("events")) {
            ConfigNode events = sli.get("events");
            String error = query(events.required("error_query", "sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))"));
            String total = query(events.required("total_query", "sum(rate(http_requests_total[{{.window}}]))"));
            return Indicator.EventRatio.ofBad(error, total);
        }
        if (sli.has("raw")) {
            return new Indicator.ErrorRatioQuery(query(sli.get("raw").required("error_ratio_query", "<query returning 0..1>")));
        }
        if (sli.has("plugin")) {
            throw sli.get("plugin").error("Sloth SLI plugins are not supported", "write the SLI as events: {error_query, total_query}");
        }
        throw sli.error("has neither events nor raw", "write sli: {events: {error_query: ..., total_query: ...}}");
    }

    private static String query(ConfigNode node) {
        String q = node.nonEmptyText("sum(rate(http_requests_total[{{.window}}]))");
        if (!QueryTemplate.hasWindow(q)) {
            throw node.error("Sloth queries must contain the {{.window}} placeholder, but [" + node.brief() + "] does not",
                    "write the range as [{{.window}}]");
        }
        return q;
    }
}
