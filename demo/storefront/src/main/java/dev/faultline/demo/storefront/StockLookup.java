package dev.faultline.demo.storefront;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads stock from inventory behind the resilience4j circuit breaker and time limiter named
 * {@code inventory} (configured in application.properties). It never throws: when inventory is
 * slow, failing or the circuit is open, the answer is a fallback with the reason.
 */
@Component
public class StockLookup {

    static final String INSTANCE = "inventory";

    private final InventoryClient client;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;

    public StockLookup(InventoryClient client, CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters) {
        this.client = client;
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
    }

    public StockAnswer all() {
        return guarded(client::all, levels -> levels.stream()
                .collect(Collectors.toMap(StockLevel::sku, StockLevel::available, (a, b) -> b)));
    }

    public StockAnswer one(String sku) {
        return guarded(() -> client.one(sku), level -> level
                .map(l -> Map.of(l.sku(), l.available()))
                .orElse(Map.of()));
    }

    private <T> StockAnswer guarded(Supplier<CompletableFuture<T>> call, Function<T, Map<String, Integer>> units) {
        try {
            T value = circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(call));
            return StockAnswer.answered(units.apply(value));
        } catch (CallNotPermittedException e) {
            return StockAnswer.fallback("circuit breaker [" + INSTANCE + "] is " + circuitBreaker.getState());
        } catch (TimeoutException e) {
            return StockAnswer.fallback("inventory did not answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StockAnswer.fallback("interrupted while waiting for inventory");
        } catch (Exception e) {
            return StockAnswer.fallback(describe(e));
        }
    }

    /** The first message in the cause chain, else the outermost exception's type (ConnectException has none). */
    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return "inventory unavailable: " + t.getMessage();
            }
        }
        Throwable outer = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return "inventory unavailable: " + outer.getClass().getSimpleName();
    }
}
