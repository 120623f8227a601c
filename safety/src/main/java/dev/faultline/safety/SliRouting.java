package dev.faultline.safety;

import dev.faultline.safety.config.SafetyConfigException;
import dev.faultline.safety.load.LoadProbe;
import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusSli;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.slo.Indicator;
import dev.faultline.safety.slo.Slo;
import dev.faultline.safety.spec.GuardsSpec;

/** Decides where each SLO's events are read from: Prometheus (server-side) or the load probe (client-side). */
final class SliRouting {

    private final PrometheusClient prometheus;
    private final LoadProbe load;
    private final String source;

    SliRouting(PrometheusClient prometheus, LoadProbe load, String source) {
        this.prometheus = prometheus;
        this.load = load;
        this.source = source;
    }

    /** Availability-like SLOs: the ones burn rates and budgets are computed for. */
    static boolean ratioKind(Slo slo) {
        return slo.indicator() instanceof Indicator.EventRatio || slo.indicator() instanceof Indicator.ErrorRatioQuery
                || slo.indicator() instanceof Indicator.ClientAvailability;
    }

    boolean usesPrometheus(Slo slo, GuardsSpec.Source wanted) {
        return wanted != GuardsSpec.Source.LOAD && prometheus != null && PrometheusSli.supports(slo);
    }

    /** The source for {@code slo}, or a configuration error saying what is missing. */
    SliSource route(Slo slo, GuardsSpec.Source wanted, String guard) {
        boolean promOk = prometheus != null && PrometheusSli.supports(slo);
        switch (wanted) {
            case PROMETHEUS -> {
                if (!PrometheusSli.supports(slo)) {
                    throw error(guard, "SLO [" + slo.name() + "] has no Prometheus queries", "use source: load, or an SLO with queries");
                }
                if (prometheus == null) {
                    throw error(guard, "no Prometheus server is configured", "set safety.prometheus or the configuration key prometheus_base_url");
                }
                return PrometheusSli.of(prometheus, slo);
            }
            case LOAD -> {
                if (load == null) {
                    throw error(guard, "source [load] needs the load probe", "add safety.load: {url: ..., rate: 20}");
                }
                return load;
            }
            default -> {
                if (promOk) {
                    return PrometheusSli.of(prometheus, slo);
                }
                if (load != null) {
                    return load;
                }
                String why = PrometheusSli.supports(slo) ? "no Prometheus server is configured and there is no load probe"
                        : "SLO [" + slo.name() + "] has no Prometheus queries and there is no load probe";
                throw error(guard, why, "set safety.prometheus (or prometheus_base_url), or add safety.load: {url: ..., rate: 20}");
            }
        }
    }

    private SafetyConfigException error(String guard, String problem, String fix) {
        return new SafetyConfigException(source, "safety.guards." + guard, problem, fix);
    }
}
