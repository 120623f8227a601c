package dev.faultline.demo.storefront;

/**
 * A product the storefront sells, without its stock (that lives in inventory).
 *
 * @param sku stock-keeping unit shared with inventory
 * @param name display name
 * @param priceCents price in euro cents
 */
public record Product(String sku, String name, int priceCents) {
}
