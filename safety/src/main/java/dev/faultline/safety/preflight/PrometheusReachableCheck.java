package dev.faultline.safety.preflight;

import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusException;

import java.time.Instant;
import java.util.Objects;

/** Checks that Prometheus answers a trivial query; refuses the run when it does not, unless optional. */
public final class PrometheusReachableCheck implements PreflightCheck {

    public static final String NAME = "prometheus";

    private final PrometheusClient client;
    private final PrometheusRequirement requirement;
    private volatile boolean reachable;

    public PrometheusReachableCheck(PrometheusClient client, PrometheusRequirement requirement) {
        this.client = Objects.requireNonNull(client, "client");
        this.requirement = Objects.requireNonNull(requirement, "requirement");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether the last evaluation reached Prometheus. */
    public boolean reachable() {
        return reachable;
    }

    @Override
    public Verdict evaluate(Instant now) {
        try {
            client.query("vector(1)", null);
            reachable = true;
            return Verdict.allow(NAME, "Prometheus at [" + client.baseUrl() + "] answers queries");
        } catch (PrometheusException e) {
            reachable = false;
            if (requirement == PrometheusRequirement.OPTIONAL) {
                return Verdict.allow(NAME, "Prometheus is unavailable but optional, going ahead without it: " + e.getMessage());
            }
            return Verdict.deny(NAME, e.getMessage() + " (set safety.preflight.prometheus: optional to run without it)");
        }
    }
}
