package dev.faultline.demo.inventory;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock API. It is a {@code @RestController} so that Chaos Monkey's rest-controller watcher
 * puts its assaults (latency, exceptions) in front of every call.
 */
@RestController
@RequestMapping("/api/stock")
public class StockController {

    private final StockCatalog catalog;

    public StockController(StockCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public List<StockLevel> all() {
        return catalog.all();
    }

    @GetMapping("/{sku}")
    public ResponseEntity<StockLevel> one(@PathVariable String sku) {
        return ResponseEntity.of(catalog.find(sku));
    }
}
