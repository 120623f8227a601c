package dev.faultline.demo.inventory;

import java.util.Objects;

/**
 * How many units of one product are in stock.
 *
 * @param sku the product's stock-keeping unit, e.g. {@code SKU-1001}
 * @param available units that can be sold right now, never negative
 */
public record StockLevel(String sku, int available) {

    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        if (available < 0) {
            throw new IllegalArgumentException("available must be zero or more, but was [" + available + "] for [" + sku + "]");
        }
    }
}
