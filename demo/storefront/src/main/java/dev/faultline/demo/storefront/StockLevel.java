package dev.faultline.demo.storefront;

/**
 * Stock of one product as the inventory service reports it.
 *
 * @param sku the product's stock-keeping unit
 * @param available units in stock
 */
public record StockLevel(String sku, int available) {
}
