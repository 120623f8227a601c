package dev.faultline.driver.prometheus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Invocation;
import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What both probes share: the server from the configuration, the timeout (the {@code timeout}
 * argument in seconds, else the activity's), and the answer returned as-is, the whole JSON body
 * ({@code {"status": "success", "data": {...}}}), as chaostoolkit-prometheus returns it.
 */
final class PrometheusCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusCall() {
    }

    static Map<String, Object> get(PrometheusDriver driver, Invocation call, String path, Map<String, String> params)
            throws ActivityFailedException {
        String base = call.configuration().string(PrometheusDriver.BASE_URL_KEY).orElse(PrometheusDriver.DEFAULT_BASE_URL);
        try {
            URI uri = URI.create(base);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException(call.function().primaryName() + ": configuration [" + PrometheusDriver.BASE_URL_KEY
                    + "] is not a URL [" + base + "]; write e.g. http://127.0.0.1:9090");
        }
        boolean verifyTls = call.arguments().optionalBool("verify_tls").orElse(true);
        Duration timeout = timeout(call);
        call.arguments().optionalNumber("timeout").ifPresent(t -> params.put("timeout", format(t)));
        PrometheusClient client = driver.client(base, verifyTls);
        PrometheusClient.ApiResponse response;
        try {
            response = client.get(path, params, timeout);
        } catch (PrometheusException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ActivityFailedException(call.function().primaryName() + ": interrupted", e);
            }
            throw new ActivityFailedException("Prometheus query " + params + " failed: " + e.getMessage(), e);
        }
        if (response.status() != 200) {
            String detail = response.body() != null && response.body().has("error")
                    ? response.body().path("errorType").asText("error") + ": " + response.body().path("error").asText()
                    : shorten(response.text());
            throw new ActivityFailedException("Prometheus query " + params + " failed with HTTP [" + response.status() + "]: " + detail);
        }
        if (response.body() == null || !response.body().isObject()) {
            throw new ActivityFailedException("Prometheus at [" + base + "] answered with a body that is not JSON ["
                    + shorten(response.text()) + "]; check that " + PrometheusDriver.BASE_URL_KEY + " points at Prometheus");
        }
        return JSON.convertValue(response.body(), new TypeReference<Map<String, Object>>() { });
    }

    /** The {@code timeout} argument (seconds) bounds the call, never beyond the activity's own budget. */
    static Duration timeout(Invocation call) {
        Duration budget = call.timeout();
        return call.arguments().optionalNumber("timeout")
                .map(seconds -> Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))))
                .map(t -> budget != null && budget.compareTo(t) < 0 ? budget : t)
                .orElse(budget == null ? PrometheusClient.DEFAULT_READ_TIMEOUT : budget);
    }

    static Instant time(Invocation call, String argument, Instant now) throws ActivityFailedException {
        String text = call.arguments().string(argument);
        return RelativeTime.parse(text, now).orElseThrow(() -> new ActivityFailedException("failed to parse '" + text
                + "' (argument [" + argument + "]); write now, an RFC 3339 time such as 2026-11-27T05:16:08Z, Unix seconds, or e.g. '5 minutes ago'"));
    }

    static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
