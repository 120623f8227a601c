package dev.faultline.demo.storefront;

import java.util.Map;
import java.util.Optional;

/**
 * What the storefront knows about stock for one request: either inventory's answer, or nothing
 * plus the reason the fallback was used.
 *
 * @param units available units by SKU, empty on fallback
 * @param fallbackReason why inventory's answer is missing, {@code null} when it answered
 */
public record StockAnswer(Map<String, Integer> units, String fallbackReason) {

    public StockAnswer {
        units = Map.copyOf(units);
    }

    public static StockAnswer answered(Map<String, Integer> units) {
        return new StockAnswer(units, null);
    }

    public static StockAnswer fallback(String reason) {
        return new StockAnswer(Map.of(), reason);
    }

    public boolean isFallback() {
        return fallbackReason != null;
    }

    public Stock stockOf(String sku) {
        return Optional.ofNullable(units.get(sku)).map(Stock::units).orElse(Stock.unknown());
    }
}
