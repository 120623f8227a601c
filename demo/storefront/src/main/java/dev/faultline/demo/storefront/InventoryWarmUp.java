package dev.faultline.demo.storefront;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Makes one unguarded call to inventory before the storefront reports ready. A cold JVM needs
 * several hundred milliseconds for its first HTTP call, which the 300 ms time limiter would turn
 * into a fallback; experiments would then see a degraded steady state that no fault caused.
 * Failures are ignored: inventory may legitimately be down when the storefront starts.
 */
@Component
@Lazy(false)
public class InventoryWarmUp implements ApplicationRunner {

    private final InventoryClient client;

    /**
     * Takes the {@link StockLookup} only to create it now, so that the circuit breaker exists, and
     * is exported as a metric, before the first request.
     */
    public InventoryWarmUp(InventoryClient client, StockLookup lookup) {
        this.client = client;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        try {
            client.all().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception ignored) {
            // Inventory being unreachable at start is a state the storefront must handle anyway.
        }
    }
}
