package dev.faultline.safety.spec;

import dev.faultline.safety.load.LoadProbeConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The {@code load:} entry of a {@code safety:} block: the steady-state load probe. */
public record LoadSpec(URI url, double rate, Duration timeout, String method, Map<String, String> headers,
                       int errorStatusFrom, int maxInFlight, Duration sampleInterval) {

    public LoadSpec {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
    }

    public LoadProbeConfig toConfig() {
        return LoadProbeConfig.of(url, rate)
                .withTimeout(timeout)
                .withRequest(method, headers)
                .withErrorStatusFrom(errorStatusFrom)
                .withMaxInFlight(maxInFlight)
                .withSampleInterval(sampleInterval);
    }
}
