package dev.faultline.safety.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.safety.config.ConfigNode;
import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.guard.GuardMonitor;
import dev.faultline.safety.load.LoadProbeConfig;
import dev.faultline.safety.preflight.PrometheusRequirement;
import dev.faultline.safety.preflight.TimeWindow;
import dev.faultline.safety.slo.SloRef;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a {@code safety:} block (from an experiment or a game day, already read as a Jackson tree)
 * into a {@link SafetySpec}. Unknown keys are errors, so a typo never silently switches a guard off.
 * Every error names the source, the path (e.g. {@code safety.guards.burn-rate.max}), the offending
 * value in brackets and the fix.
 */
public final class SafetySpecParser {

    private SafetySpecParser() {
    }

    /**
     * @param safety the node under the {@code safety} key; {@code null} or missing gives the defaults
     * @param source the file it came from, for messages
     */
    public static SafetySpec parse(JsonNode safety, String source) {
        ConfigNode root = ConfigNode.root(source, "safety", safety);
        if (root.isMissing()) {
            return SafetySpec.defaults();
        }
        if (!root.isObject()) {
            throw root.error("must be a mapping, but was [" + root.brief() + "]", "write safety: {slos: [...], guards: {...}}");
        }
        root.onlyFields("slos", "prometheus", "guard-interval", "max-unknown", "guards", "preflight", "blast-radius", "load");
        List<SloRef> slos = slos(root.get("slos"));
        Duration interval = root.has("guard-interval") ? root.get("guard-interval").duration() : GuardMonitor.DEFAULT_INTERVAL;
        if (interval.toMillis() < 10) {
            throw root.get("guard-interval").error("[" + root.get("guard-interval").brief() + "] is too short", "use 10ms or more (250ms is the default)");
        }
        int maxUnknown = root.has("max-unknown") ? root.get("max-unknown").integer() : GuardMonitor.DEFAULT_MAX_CONSECUTIVE_UNKNOWN;
        if (maxUnknown < 0) {
            throw root.get("max-unknown").error("[" + maxUnknown + "] must be 0 or more", "write 0 to never fail closed, or a count such as 4");
        }
        ConfigNode prom = root.get("prometheus");
        Optional<URI> prometheus = Optional.empty();
        Duration timeout = SafetySpec.DEFAULT_PROMETHEUS_TIMEOUT;
        if (prom.isText()) {
            prometheus = Optional.of(url(prom));
        } else if (!prom.isMissing()) {
            prom.onlyFields("url", "timeout");
            prometheus = prom.has("url") ? Optional.of(url(prom.get("url"))) : Optional.empty();
            timeout = prom.has("timeout") ? prom.get("timeout").duration() : timeout;
        }
        Optional<LoadSpec> load = root.has("load") ? Optional.of(load(root.get("load"))) : Optional.empty();
        GuardsSpec guards = GuardsParser.parse(root.get("guards"), !slos.isEmpty());
        return new SafetySpec(slos, prometheus, timeout, interval, maxUnknown, guards, preflight(root.get("preflight")),
                BlastRadiusParser.parse(root.get("blast-radius")), load);
    }

    private static List<SloRef> slos(ConfigNode node) {
        List<SloRef> out = new ArrayList<>();
        for (ConfigNode entry : node.isMissing() ? List.<ConfigNode>of() : node.isArray() ? node.elements() : List.of(node)) {
            if (entry.isText()) {
                out.add(new SloRef(entry.nonEmptyText("slos/storefront.yaml"), null));
                continue;
            }
            entry.onlyFields("file", "name");
            String file = entry.required("file", "slos/storefront.yaml").nonEmptyText("slos/storefront.yaml");
            String name = entry.has("name") ? entry.get("name").nonEmptyText("storefront-availability") : null;
            out.add(new SloRef(file, name));
        }
        return out;
    }

    private static PreflightSpec preflight(ConfigNode node) {
        PreflightSpec d = PreflightSpec.defaults();
        if (node.isMissing()) {
            return d;
        }
        node.onlyFields("min-remaining-budget", "allowed-windows", "prometheus", "lock", "lock-dir");
        double min = node.has("min-remaining-budget") ? node.get("min-remaining-budget").fraction() : d.minRemainingBudget();
        List<TimeWindow> windows = new ArrayList<>();
        ConfigNode w = node.get("allowed-windows");
        for (ConfigNode entry : w.isMissing() ? List.<ConfigNode>of() : w.isArray() ? w.elements() : List.of(w)) {
            try {
                windows.add(TimeWindow.parse(entry.text()));
            } catch (IllegalArgumentException e) {
                throw entry.error(e.getMessage(), ""); // the message already says how to write it
            }
        }
        PrometheusRequirement prometheus = d.prometheus();
        if (node.has("prometheus")) {
            ConfigNode p = node.get("prometheus");
            prometheus = PrometheusRequirement.parse(p.text()).orElseThrow(() -> p.error("unknown value [" + p.brief() + "]",
                    "write required (refuse the run when Prometheus is unreachable) or optional"));
        }
        boolean lock = node.has("lock") ? node.get("lock").bool() : d.lock();
        Path dir = node.has("lock-dir") ? Path.of(node.get("lock-dir").nonEmptyText(".faultline/locks")) : d.lockDir();
        return new PreflightSpec(min, windows, prometheus, lock, dir);
    }

    private static LoadSpec load(ConfigNode node) {
        node.onlyFields("url", "rate", "timeout", "method", "headers", "error-status", "max-in-flight", "sample-interval");
        URI url = url(node.required("url", "http://127.0.0.1:8080/api/products"));
        double rate = node.has("rate") ? node.get("rate").number() : LoadProbeConfig.DEFAULT_RATE;
        if (!(rate > 0 && rate <= LoadProbeConfig.MAX_RATE)) {
            throw node.get("rate").error("[" + node.get("rate").brief() + "] requests per second is out of range",
                    "use a rate above 0 and at most " + (int) LoadProbeConfig.MAX_RATE);
        }
        Duration timeout = node.has("timeout") ? node.get("timeout").duration() : LoadProbeConfig.DEFAULT_TIMEOUT;
        String method = node.has("method") ? node.get("method").nonEmptyText("GET").toUpperCase(java.util.Locale.ROOT) : "GET";
        Map<String, String> headers = new LinkedHashMap<>();
        node.get("headers").fields().forEach((k, v) -> headers.put(k, v.text()));
        int errorFrom = 500;
        if (node.has("error-status")) {
            ConfigNode s = node.get("error-status");
            errorFrom = switch (s.text().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "5xx" -> 500;
                case "4xx" -> 400;
                default -> throw s.error("unknown value [" + s.brief() + "]", "write 5xx (server errors only, the default) or 4xx (4xx and 5xx)");
            };
        }
        int inFlight = node.has("max-in-flight") ? node.get("max-in-flight").integer() : LoadProbeConfig.DEFAULT_MAX_IN_FLIGHT;
        if (inFlight < 1) {
            throw node.get("max-in-flight").error("[" + inFlight + "] must be at least 1", "write e.g. max-in-flight: 64");
        }
        Duration sample = node.has("sample-interval") ? node.get("sample-interval").duration() : LoadProbeConfig.DEFAULT_SAMPLE_INTERVAL;
        return new LoadSpec(url, rate, timeout, method, headers, errorFrom, inFlight, sample);
    }

    static URI url(ConfigNode node) {
        String text = node.nonEmptyText("http://127.0.0.1:9090");
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw node.error("[" + text + "] is not an http(s) URL", "write e.g. http://127.0.0.1:8080/health");
        }
    }

    static SafetyConfigException needsSlo(ConfigNode node, String guard) {
        return node.error("guard [" + guard + "] needs an SLO, but safety.slos is empty", "add slos: [{file: slos/my.yaml, name: my-slo}]");
    }
}
