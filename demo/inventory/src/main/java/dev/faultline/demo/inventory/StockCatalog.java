package dev.faultline.demo.inventory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The stock the demo serves. Fixed on purpose: experiments compare answers before, during and
 * after a fault, so the data must not drift between requests.
 */
@Component
public class StockCatalog {

    private static final List<StockLevel> LEVELS = List.of(
            new StockLevel("SKU-1001", 42),
            new StockLevel("SKU-1002", 7),
            new StockLevel("SKU-1003", 0),
            new StockLevel("SKU-1004", 128));

    public List<StockLevel> all() {
        return LEVELS;
    }

    public Optional<StockLevel> find(String sku) {
        return LEVELS.stream().filter(level -> level.sku().equals(sku)).findFirst();
    }
}
