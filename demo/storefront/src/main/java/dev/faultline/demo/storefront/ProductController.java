package dev.faultline.demo.storefront;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product API. Every answer carries {@code X-Fallback: true|false}; on fallback the stock is
 * "unknown" and {@code X-Fallback-Reason} says why, so experiments can tell a degraded answer
 * from a healthy one while the status stays 200.
 */
@RestController
@RequestMapping("/api/products")
public class ProductController {

    static final String FALLBACK_HEADER = "X-Fallback";
    static final String REASON_HEADER = "X-Fallback-Reason";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern UNSAFE_HEADER_CHARS = Pattern.compile("[^\\x20-\\x7E]");

    private final ProductCatalog catalog;
    private final StockLookup stock;

    public ProductController(ProductCatalog catalog, StockLookup stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    @GetMapping
    public ResponseEntity<List<ProductView>> all() {
        StockAnswer answer = stock.all();
        List<ProductView> products = catalog.all().stream()
                .map(product -> ProductView.of(product, answer.stockOf(product.sku())))
                .toList();
        return ResponseEntity.ok().headers(headers(answer)).body(products);
    }

    @GetMapping("/{sku}")
    public ResponseEntity<ProductView> one(@PathVariable String sku) {
        if (!SKU.matcher(sku).matches()) {
            return ResponseEntity.notFound().build();
        }
        return catalog.find(sku)
                .map(product -> {
                    StockAnswer answer = stock.one(sku);
                    return ResponseEntity.ok().headers(headers(answer)).body(ProductView.of(product, answer.stockOf(sku)));
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static HttpHeaders headers(StockAnswer answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(FALLBACK_HEADER, Boolean.toString(answer.isFallback()));
        if (answer.isFallback()) {
            headers.set(REASON_HEADER, UNSAFE_HEADER_CHARS.matcher(answer.fallbackReason()).replaceAll("?"));
        }
        return headers;
    }
}
