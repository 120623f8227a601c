package dev.faultline.demo.storefront;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the inventory service is and how long the storefront waits for it at the socket level.
 * The overall budget per call is the resilience4j time limiter named {@code inventory}; these
 * timeouts only make sure no socket outlives it by much.
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:8081}; in the demo, a Toxiproxy proxy in front of inventory
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed until the response headers arrive
 */
@ConfigurationProperties("demo.inventory")
public record InventoryProperties(
        @DefaultValue("http://127.0.0.1:8081") URI baseUrl,
        @DefaultValue("250ms") Duration connectTimeout,
        @DefaultValue("1s") Duration readTimeout) {

    public InventoryProperties {
        Objects.requireNonNull(baseUrl, "demo.inventory.base-url");
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("demo.inventory.base-url must be an http(s) URL, but was [" + baseUrl + "]");
        }
        requirePositive("demo.inventory.connect-timeout", connectTimeout);
        requirePositive("demo.inventory.read-timeout", readTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be greater than zero, but was [" + value + "]");
        }
    }

    /** {@code path} resolved against the base URL, whether or not the base URL ends with a slash. */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
