package dev.faultline.driver.prometheus;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;
import dev.faultline.safety.prometheus.PrometheusClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus probes: the Chaos Toolkit {@code chaosprometheus.probes.query} and
 * {@code query_interval}, also under the native names {@code prometheus/query} and
 * {@code prometheus/query-range}. They only read, so there is never anything to undo. The server is
 * the configuration's {@code prometheus_base_url} ({@code http://localhost:9090} by default).
 */
public final class PrometheusDriver implements Driver {

    public static final String NAME = "prometheus";
    static final String BASE_URL_KEY = "prometheus_base_url";
    static final String DEFAULT_BASE_URL = "http://localhost:9090";

    private final Map<String, PrometheusClient> clients = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DriverFunction> functions() {
        return List.of(new QueryProbe(this), new QueryRangeProbe(this));
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) {
        throw new IllegalArgumentException("the prometheus driver injects no faults, so it cannot undo [" + undo.action() + "]");
    }

    /** One client per server and TLS setting; the per-call timeout is applied to each request. */
    PrometheusClient client(String baseUrl, boolean verifyTls) {
        return clients.computeIfAbsent(baseUrl + "|" + verifyTls, key -> PrometheusClient.create(URI.create(baseUrl),
                PrometheusClient.DEFAULT_CONNECT_TIMEOUT, PrometheusClient.DEFAULT_READ_TIMEOUT, verifyTls));
    }
}
