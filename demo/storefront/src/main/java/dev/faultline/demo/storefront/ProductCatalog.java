package dev.faultline.demo.storefront;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The products the demo storefront sells; the SKUs match the inventory demo service. */
@Component
public class ProductCatalog {

    private static final List<Product> PRODUCTS = List.of(
            new Product("SKU-1001", "Trail running shoe", 12900),
            new Product("SKU-1002", "Rain jacket", 18900),
            new Product("SKU-1003", "Head torch", 3900),
            new Product("SKU-1004", "Water bottle", 1500));

    public List<Product> all() {
        return PRODUCTS;
    }

    public Optional<Product> find(String sku) {
        return PRODUCTS.stream().filter(product -> product.sku().equals(sku)).findFirst();
    }
}
