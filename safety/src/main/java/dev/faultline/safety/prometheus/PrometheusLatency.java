package dev.faultline.safety.prometheus;

import dev.faultline.safety.sli.LatencySource;
import dev.faultline.safety.sli.SliUnavailableException;
import dev.faultline.safety.slo.QueryTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Latency from a Prometheus query that returns seconds, such as
 * {@code histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket[{{.window}}])))}.
 * The query fixes the percentile; the one passed to {@link #percentileMs} is only used in messages.
 */
public final class PrometheusLatency implements LatencySource {

    private final PrometheusClient client;
    private final String query;

    public PrometheusLatency(PrometheusClient client, String query) {
        this.client = Objects.requireNonNull(client, "client");
        this.query = Objects.requireNonNull(query, "query");
    }

    @Override
    public String describe() {
        return "prometheus " + client.baseUrl() + " [" + query + "]";
    }

    @Override
    public OptionalDouble percentileMs(double percentile, Duration window, Instant now) throws SliUnavailableException {
        String rendered = QueryTemplate.render(query, false, window);
        try {
            OptionalDouble seconds = client.query(rendered, now).singleValue();
            if (seconds.isEmpty() || Double.isNaN(seconds.getAsDouble())) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(seconds.getAsDouble() * 1000.0);
        } catch (PrometheusException e) {
            throw new SliUnavailableException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new SliUnavailableException("latency query [" + rendered + "]: " + e.getMessage(), e);
        }
    }
}
