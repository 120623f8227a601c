package dev.faultline.safety;

import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.guard.BudgetAllotmentGuard;
import dev.faultline.safety.guard.BurnRateGuard;
import dev.faultline.safety.guard.Guard;
import dev.faultline.safety.guard.HealthGuard;
import dev.faultline.safety.guard.MaxDurationGuard;
import dev.faultline.safety.guard.ThresholdGuard;
import dev.faultline.safety.load.LoadProbe;
import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusLatency;
import dev.faultline.safety.sli.LatencySource;
import dev.faultline.safety.slo.Indicator;
import dev.faultline.safety.slo.Slo;
import dev.faultline.safety.spec.GuardsSpec;
import dev.faultline.safety.spec.SafetySpec;

import java.util.ArrayList;
import java.util.List;

/** Builds the guards a {@link SafetySpec} asks for, from its SLOs and SLI sources. */
final class GuardFactory {

    private GuardFactory() {
    }

    /**
     * @param skipPrometheus leave out guards that read Prometheus (it was found unreachable and is optional)
     */
    static List<Guard> build(SafetySpec spec, List<Slo> slos, PrometheusClient prometheus, LoadProbe load, String source,
                             boolean skipPrometheus) {
        GuardsSpec g = spec.guards();
        SliRouting routing = new SliRouting(skipPrometheus ? null : prometheus, load, source);
        List<Slo> ratio = slos.stream().filter(SliRouting::ratioKind).toList();
        boolean several = ratio.size() > 1;
        List<Guard> out = new ArrayList<>();
        g.burnRate().ifPresent(b -> {
            for (Slo slo : ratio) {
                String name = several ? BurnRateGuard.NAME + "/" + slo.name() : BurnRateGuard.NAME;
                add(out, skipPrometheus, () -> new BurnRateGuard(name, routing.route(slo, b.source(), "burn-rate"), slo.budget(),
                        b.window(), b.longWindow(), b.max(), slo.name()));
            }
        });
        g.budgetAllotment().ifPresent(a -> {
            for (Slo slo : ratio) {
                String name = several ? BudgetAllotmentGuard.NAME + "/" + slo.name() : BudgetAllotmentGuard.NAME;
                add(out, skipPrometheus, () -> new BudgetAllotmentGuard(name, routing.route(slo, a.source(), "budget-allotment"),
                        slo.budget(), a.fraction(), a.baseline(), slo.name()));
            }
        });
        g.health().ifPresent(h -> out.add(new HealthGuard(h.url(), h.failures(), h.timeout())));
        g.latency().ifPresent(l -> add(out, skipPrometheus, () -> latency(l, slos, skipPrometheus ? null : prometheus, load, source)));
        g.maxDuration().ifPresent(d -> out.add(new MaxDurationGuard(d)));
        return out;
    }

    /**
     * Without Prometheus (unreachable, and optional), a guard that has no other source is left out
     * instead of failing the run; the same configuration was validated with Prometheus at build time.
     */
    private static void add(List<Guard> out, boolean skipPrometheus, java.util.function.Supplier<Guard> guard) {
        try {
            out.add(guard.get());
        } catch (SafetyConfigException e) {
            if (!skipPrometheus) {
                throw e;
            }
        }
    }

    private static Guard latency(GuardsSpec.LatencySpec l, List<Slo> slos, PrometheusClient prometheus, LoadProbe load,
                                 String source) {
        Indicator.Latency slo = slos.stream().map(Slo::indicator).filter(i -> i instanceof Indicator.Latency)
                .map(i -> (Indicator.Latency) i)
                .filter(i -> i.percentile() == l.percentile()).findFirst().orElse(null);
        double maxMs = !Double.isNaN(l.maxMs()) ? l.maxMs() : slo != null ? slo.thresholdMs() : Double.NaN;
        if (Double.isNaN(maxMs)) {
            throw new SafetyConfigException(source, "safety.guards.latency", "no max-ms and no p" + (int) l.percentile()
                    + " latency SLO to take it from", "add max-ms: 300, or reference an SLO with latency_p" + (int) l.percentile() + "_ms");
        }
        String query = l.query() != null ? l.query() : slo != null ? slo.query() : null;
        LatencySource src;
        if (query != null && prometheus != null) {
            src = new PrometheusLatency(prometheus, query);
        } else if (load != null) {
            src = load;
        } else {
            throw new SafetyConfigException(source, "safety.guards.latency", query == null
                    ? "nothing measures latency: no query and no load probe" : "the latency query needs Prometheus, which is not configured",
                    "add safety.load: {url: ..., rate: 20}, or a query with safety.prometheus set");
        }
        return ThresholdGuard.latency(src, l.percentile(), maxMs, l.window());
    }
}
