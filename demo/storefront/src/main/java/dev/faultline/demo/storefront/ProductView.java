package dev.faultline.demo.storefront;

/**
 * A product as the storefront API returns it: catalog data plus stock.
 *
 * @param stock units in stock, or "unknown" when inventory could not tell
 */
public record ProductView(String sku, String name, int priceCents, Stock stock) {

    static ProductView of(Product product, Stock stock) {
        return new ProductView(product.sku(), product.name(), product.priceCents(), stock);
    }
}
