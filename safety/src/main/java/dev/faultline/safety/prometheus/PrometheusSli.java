package dev.faultline.safety.prometheus;

import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;
import dev.faultline.safety.slo.Indicator;
import dev.faultline.safety.slo.QueryTemplate;
import dev.faultline.safety.slo.Slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Measures an SLO's events through its Prometheus queries, rendered for the window asked for and
 * evaluated at the given instant. An empty answer means "no such events": a bad-events query that
 * matches no series (no 5xx yet) reads as 0, a total query that matches nothing as no traffic.
 */
public final class PrometheusSli implements SliSource {

    private final PrometheusClient client;
    private final Indicator indicator;
    private final String slo;

    private PrometheusSli(PrometheusClient client, Indicator indicator, String slo) {
        this.client = Objects.requireNonNull(client, "client");
        this.indicator = indicator;
        this.slo = slo;
    }

    /** Whether {@code slo}'s indicator can be read from Prometheus as events or an error ratio. */
    public static boolean supports(Slo slo) {
        return slo.indicator() instanceof Indicator.EventRatio || slo.indicator() instanceof Indicator.ErrorRatioQuery;
    }

    /** @throws IllegalArgumentException when the SLO has no event or error-ratio queries */
    public static PrometheusSli of(PrometheusClient client, Slo slo) {
        if (!supports(slo)) {
            throw new IllegalArgumentException("SLO [" + slo.name() + "] (" + slo.indicator().describe()
                    + ") has no Prometheus event queries; give it good/bad and total queries, or measure it with the load probe");
        }
        return new PrometheusSli(client, slo.indicator(), slo.name());
    }

    @Override
    public String describe() {
        return "prometheus " + client.baseUrl() + " (SLO " + slo + ")";
    }

    @Override
    public SliReading read(Duration window, Instant now) throws SliUnavailableException {
        if (indicator instanceof Indicator.ErrorRatioQuery raw) {
            return SliReading.ratio(value(QueryTemplate.render(raw.query(), false, window), now).orElse(0), window);
        }
        Indicator.EventRatio ratio = (Indicator.EventRatio) indicator;
        double total = value(QueryTemplate.render(ratio.total(), ratio.counter(), window), now).orElse(0);
        double bad;
        if (ratio.bad() != null) {
            bad = value(QueryTemplate.render(ratio.bad(), ratio.counter(), window), now).orElse(0);
        } else {
            double good = value(QueryTemplate.render(ratio.good(), ratio.counter(), window), now).orElse(0);
            bad = Math.max(0, total - good);
        }
        return new SliReading(bad, total, true, window);
    }

    private OptionalDouble value(String query, Instant now) throws SliUnavailableException {
        try {
            OptionalDouble v = client.query(query, now).singleValue();
            return v.isPresent() && Double.isNaN(v.getAsDouble()) ? OptionalDouble.empty() : v;
        } catch (PrometheusException e) {
            throw new SliUnavailableException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new SliUnavailableException("query [" + query + "] for SLO [" + slo + "]: " + e.getMessage(), e);
        }
    }
}
