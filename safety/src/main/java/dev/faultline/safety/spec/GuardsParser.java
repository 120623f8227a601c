package dev.faultline.safety.spec;

import dev.faultline.safety.config.ConfigNode;
import dev.faultline.safety.guard.BudgetAllotmentGuard;
import dev.faultline.safety.guard.HealthGuard;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code safety.guards}; see {@link GuardsSpec} for the defaults. */
final class GuardsParser {

    private GuardsParser() {
    }

    static GuardsSpec parse(ConfigNode node, boolean haveSlos) {
        node.onlyFields("burn-rate", "budget-allotment", "health", "latency", "max-duration");
        Optional<GuardsSpec.BurnRateSpec> burn = off(node.get("burn-rate")) ? Optional.empty()
                : node.has("burn-rate") ? Optional.of(burnRate(node.get("burn-rate"), haveSlos))
                : haveSlos ? Optional.of(GuardsSpec.BurnRateSpec.defaults()) : Optional.empty();
        Optional<GuardsSpec.AllotmentSpec> allotment = off(node.get("budget-allotment")) ? Optional.empty()
                : node.has("budget-allotment") ? Optional.of(allotment(node.get("budget-allotment"), haveSlos))
                : haveSlos ? Optional.of(new GuardsSpec.AllotmentSpec(GuardsSpec.DEFAULT_ALLOTMENT,
                        BudgetAllotmentGuard.DEFAULT_BASELINE, GuardsSpec.Source.AUTO)) : Optional.empty();
        Optional<GuardsSpec.HealthSpec> health = present(node.get("health")) ? Optional.of(health(node.get("health"))) : Optional.empty();
        Optional<GuardsSpec.LatencySpec> latency = present(node.get("latency")) ? Optional.of(latency(node.get("latency"))) : Optional.empty();
        Optional<Duration> max = present(node.get("max-duration")) ? Optional.of(node.get("max-duration").duration()) : Optional.empty();
        return new GuardsSpec(burn, allotment, health, latency, max);
    }

    /** {@code false} / {@code off} switches a default guard off. */
    private static boolean off(ConfigNode node) {
        if (node.isBoolean()) {
            if (node.bool()) {
                throw node.error("[true] does not say what to guard", "write a threshold, or false to switch the guard off");
            }
            return true;
        }
        return node.isText() && node.text().trim().equalsIgnoreCase("off");
    }

    private static boolean present(ConfigNode node) {
        return !node.isMissing() && !off(node);
    }

    private static GuardsSpec.BurnRateSpec burnRate(ConfigNode node, boolean haveSlos) {
        if (!haveSlos) {
            throw SafetySpecParser.needsSlo(node, "burn-rate");
        }
        GuardsSpec.BurnRateSpec d = GuardsSpec.BurnRateSpec.defaults();
        if (!node.isObject()) {
            return new GuardsSpec.BurnRateSpec(positive(node, "14.4"), d.window(), null, d.source());
        }
        node.onlyFields("max", "window", "long-window", "source");
        double max = node.has("max") ? positive(node.get("max"), "14.4") : d.max();
        Duration window = node.has("window") ? node.get("window").duration() : d.window();
        Duration longWindow = node.has("long-window") ? node.get("long-window").duration() : null;
        if (longWindow != null && longWindow.compareTo(window) <= 0) {
            throw node.get("long-window").error("[" + node.get("long-window").brief() + "] must be longer than the window ["
                    + node.get("window").brief() + "]", "use a long window about 12 times the short one, e.g. 1h for 5m");
        }
        return new GuardsSpec.BurnRateSpec(max, window, longWindow, source(node.get("source")));
    }

    private static GuardsSpec.AllotmentSpec allotment(ConfigNode node, boolean haveSlos) {
        if (!haveSlos) {
            throw SafetySpecParser.needsSlo(node, "budget-allotment");
        }
        if (!node.isObject()) {
            return new GuardsSpec.AllotmentSpec(nonZeroFraction(node), BudgetAllotmentGuard.DEFAULT_BASELINE, GuardsSpec.Source.AUTO);
        }
        node.onlyFields("max", "baseline", "source");
        double fraction = nonZeroFraction(node.required("max", "2%"));
        Duration baseline = node.has("baseline") ? node.get("baseline").duration() : BudgetAllotmentGuard.DEFAULT_BASELINE;
        return new GuardsSpec.AllotmentSpec(fraction, baseline, source(node.get("source")));
    }

    private static GuardsSpec.HealthSpec health(ConfigNode node) {
        if (node.isText()) {
            return new GuardsSpec.HealthSpec(SafetySpecParser.url(node), HealthGuard.DEFAULT_FAILURES, HealthGuard.DEFAULT_TIMEOUT);
        }
        node.onlyFields("url", "failures", "timeout");
        int failures = node.has("failures") ? node.get("failures").integer() : HealthGuard.DEFAULT_FAILURES;
        if (failures < 1) {
            throw node.get("failures").error("[" + failures + "] must be at least 1", "write e.g. failures: 3");
        }
        Duration timeout = node.has("timeout") ? node.get("timeout").duration() : HealthGuard.DEFAULT_TIMEOUT;
        return new GuardsSpec.HealthSpec(SafetySpecParser.url(node.required("url", "http://127.0.0.1:8080/actuator/health")),
                failures, timeout);
    }

    private static GuardsSpec.LatencySpec latency(ConfigNode node) {
        node.onlyFields("percentile", "max-ms", "window", "query");
        double percentile = node.has("percentile") ? node.get("percentile").number() : 95;
        if (!(percentile > 0 && percentile < 100)) {
            throw node.get("percentile").error("[" + node.get("percentile").brief() + "] must be between 0 and 100", "write e.g. percentile: 95");
        }
        double maxMs = node.has("max-ms") ? positive(node.get("max-ms"), "300") : Double.NaN;
        Duration window = node.has("window") ? node.get("window").duration() : GuardsSpec.DEFAULT_LATENCY_WINDOW;
        String query = node.has("query") ? node.get("query").nonEmptyText("histogram_quantile(0.95, ...)") : null;
        return new GuardsSpec.LatencySpec(percentile, maxMs, window, query);
    }

    private static GuardsSpec.Source source(ConfigNode node) {
        if (node.isMissing()) {
            return GuardsSpec.Source.AUTO;
        }
        return switch (node.text().trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> GuardsSpec.Source.AUTO;
            case "prometheus" -> GuardsSpec.Source.PROMETHEUS;
            case "load", "load-probe" -> GuardsSpec.Source.LOAD;
            default -> throw node.error("unknown source [" + node.brief() + "]", "write auto, prometheus or load");
        };
    }

    private static double positive(ConfigNode node, String example) {
        double v = node.number();
        if (!(v > 0)) {
            throw node.error("[" + node.brief() + "] must be above 0", "write e.g. " + example);
        }
        return v;
    }

    private static double nonZeroFraction(ConfigNode node) {
        double v = node.fraction();
        if (v <= 0) {
            throw node.error("[" + node.brief() + "] must be above 0%", "write e.g. 2%, or false to switch the guard off");
        }
        return v;
    }
}
