package dev.faultline.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.safety.config.Durations;
import dev.faultline.safety.guard.Breach;
import dev.faultline.safety.guard.BudgetAllotmentGuard;
import dev.faultline.safety.guard.BurnRateGuard;
import dev.faultline.safety.guard.Guard;
import dev.faultline.safety.guard.GuardCheck;
import dev.faultline.safety.guard.GuardDefinition;
import dev.faultline.safety.guard.GuardMonitor;
import dev.faultline.safety.guard.GuardTimeline;
import dev.faultline.safety.load.LoadProbe;
import dev.faultline.safety.load.LoadSample;
import dev.faultline.safety.load.LoadTotals;
import dev.faultline.safety.preflight.PreflightReport;
import dev.faultline.safety.preflight.RemainingBudgetCheck;
import dev.faultline.safety.preflight.Verdict;
import dev.faultline.safety.slo.Indicator;
import dev.faultline.safety.slo.Slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the safety parts of the journal ({@code faultline.guards}, {@code abort}, {@code refusal},
 * {@code sli}, {@code budget}) exactly as {@code docs/journal.md} defines them. {@code NaN} values
 * are written as {@code null}; instants as ISO-8601 UTC strings.
 */
public final class SafetyJournal {

    /** Beyond this many checks, the series is thinned to one point per guard per second. */
    static final int THIN_ABOVE = 20_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The three run-time sections; each is {@code null} when it does not apply. */
    public record Sections(JsonNode guards, JsonNode sli, JsonNode budget) {}

    private SafetyJournal() {
    }

    static Sections sections(GuardMonitor monitor, List<Guard> guards, LoadProbe load, List<Slo> slos,
                             RemainingBudgetCheck budgetCheck) {
        return new Sections(monitor == null ? null : guards(monitor), load == null ? null : sli(load, slos),
                budget(guards, slos, budgetCheck));
    }

    /** {@code guards}: interval, definitions and the time series of checks. */
    public static ObjectNode guards(GuardMonitor monitor) {
        ObjectNode out = F.objectNode();
        out.put("interval_ms", monitor.interval().toMillis());
        ArrayNode defs = out.putArray("definitions");
        for (GuardDefinition d : monitor.definitions()) {
            ObjectNode n = defs.addObject();
            n.put("name", d.name());
            n.put("description", d.description());
            number(n, "threshold", d.threshold());
            n.put("unit", d.unit());
        }
        List<GuardCheck> checks = monitor.checks();
        if (checks.size() > THIN_ABOVE) {
            checks = GuardTimeline.thin(checks, Duration.ofSeconds(1));
        }
        ArrayNode series = out.putArray("checks");
        for (GuardCheck c : checks) {
            ObjectNode n = series.addObject();
            n.put("t", c.at().toString());
            n.put("guard", c.guard());
            number(n, "value", c.measured());
            number(n, "threshold", c.threshold());
            n.put("ok", c.ok());
            n.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            n.put("reason", c.reason());
        }
        return out;
    }

    /** {@code abort} for a guard breach; the engine supplies when the abort began and when the last fault was undone. */
    public static ObjectNode abort(Breach breach, Instant abortStartedAt, Instant lastFaultUndoneAt) {
        ObjectNode n = F.objectNode();
        n.put("by", "guard");
        n.put("guard", breach.guard());
        n.put("reason", breach.reason());
        number(n, "measured", breach.measured());
        number(n, "threshold", breach.threshold());
        n.put("breach_detected_at", breach.detectedAt().toString());
        instant(n, "abort_started_at", abortStartedAt);
        instant(n, "last_fault_undone_at", lastFaultUndoneAt);
        return n;
    }

    /** {@code refusal}: every verdict of a refused pre-flight. */
    public static ObjectNode refusal(PreflightReport report) {
        ObjectNode n = F.objectNode();
        ArrayNode verdicts = n.putArray("verdicts");
        for (Verdict v : report.verdicts()) {
            ObjectNode o = verdicts.addObject();
            o.put("check", v.check());
            o.put("allowed", v.allowed());
            o.put("reason", v.reason());
        }
        return n;
    }

    /** {@code sli} from the load probe: its samples and totals, with the SLO targets it is judged by. */
    public static ObjectNode sli(LoadProbe load, List<Slo> slos) {
        ObjectNode n = F.objectNode();
        n.put("source", "load-probe");
        n.put("target", load.config().url().toString());
        ObjectNode slo = n.putObject("slo");
        ObjectNode latency = F.objectNode();
        for (Slo s : slos) {
            if (SliRouting.ratioKind(s) && !slo.has("availability")) {
                slo.put("availability", s.objective());
            } else if (s.indicator() instanceof Indicator.Latency l) {
                latency.put("p" + dev.faultline.safety.config.Numbers.format(l.percentile()), l.thresholdMs());
            }
        }
        if (!latency.isEmpty()) {
            slo.set("latency_ms", latency);
        }
        ArrayNode samples = n.putArray("samples");
        for (LoadSample s : load.samples()) {
            ObjectNode o = samples.addObject();
            o.put("t", s.t().toString());
            o.put("requests", s.requests());
            o.put("errors", s.errors());
            o.put("refused", s.refused());
            o.put("timeouts", s.timeouts());
            o.put("error_ratio", s.errorRatio());
            number(o, "p50_ms", s.p50Ms());
            number(o, "p95_ms", s.p95Ms());
            number(o, "p99_ms", s.p99Ms());
            number(o, "max_ms", s.maxMs());
        }
        LoadTotals t = load.totals();
        ObjectNode totals = n.putObject("totals");
        totals.put("requests", t.requests());
        totals.put("errors", t.errors());
        totals.put("refused", t.refused());
        totals.put("timeouts", t.timeouts());
        totals.put("error_ratio", t.errorRatio());
        number(totals, "p50_ms", t.p50Ms());
        number(totals, "p95_ms", t.p95Ms());
        number(totals, "p99_ms", t.p99Ms());
        number(totals, "max_ms", t.maxMs());
        number(totals, "service_p95_ms", t.serviceP95Ms());
        number(totals, "service_p99_ms", t.serviceP99Ms());
        totals.put("abandoned", t.abandoned());
        return n;
    }

    /** {@code budget} of the first availability SLO that has a budget guard or check; {@code null} otherwise. */
    static ObjectNode budget(List<Guard> guards, List<Slo> slos, RemainingBudgetCheck budgetCheck) {
        Slo slo = slos.stream().filter(SliRouting::ratioKind).findFirst().orElse(null);
        BurnRateGuard burn = first(guards, BurnRateGuard.class);
        BudgetAllotmentGuard allotment = first(guards, BudgetAllotmentGuard.class);
        if (slo == null || (burn == null && allotment == null && budgetCheck == null)) {
            return null;
        }
        ObjectNode n = F.objectNode();
        n.put("slo", slo.name());
        n.put("objective", slo.objective());
        n.put("window", Durations.human(slo.window()));
        double before = budgetCheck == null || budgetCheck.remaining().isEmpty() ? Double.NaN : budgetCheck.remaining().getAsDouble();
        double consumed = allotment == null ? Double.NaN : allotment.consumed();
        number(n, "remaining_before", before);
        number(n, "consumed_by_run", consumed);
        number(n, "remaining_after", before - consumed);
        number(n, "allotment", allotment == null ? Double.NaN : allotment.allotment());
        ArrayNode series = n.putArray("burn_rate");
        if (burn != null) {
            for (BurnRateGuard.Point p : burn.history()) {
                ObjectNode o = series.addObject();
                o.put("t", p.t().toString());
                number(o, "short", p.shortRate());
                number(o, "long", p.longRate());
            }
        }
        return n;
    }

    private static <T> T first(List<Guard> guards, Class<T> type) {
        return guards.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static void number(ObjectNode n, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            n.putNull(key);
        } else {
            n.put(key, value);
        }
    }

    private static void instant(ObjectNode n, String key, Instant value) {
        if (value == null) {
            n.putNull(key);
        } else {
            n.put(key, value.toString());
        }
    }
}
