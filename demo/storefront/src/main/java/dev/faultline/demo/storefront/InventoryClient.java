package dev.faultline.demo.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Plain HTTP access to the inventory service with real connect and read timeouts. It knows
 * nothing about fallbacks: {@link StockLookup} decides what a failure means.
 */
@Component
public class InventoryClient {

    private static final TypeReference<List<StockLevel>> LEVELS = new TypeReference<>() {
    };

    private final InventoryProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    public InventoryClient(InventoryProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Every stock level inventory knows. */
    public CompletableFuture<List<StockLevel>> all() {
        return get("/api/stock").thenApply(response -> {
            requireSuccess(response);
            return read(response, LEVELS);
        });
    }

    /** The stock of one product, empty when inventory does not know it (404). */
    public CompletableFuture<Optional<StockLevel>> one(String sku) {
        return get("/api/stock/" + sku).thenApply(response -> {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            requireSuccess(response);
            return Optional.of(read(response, new TypeReference<StockLevel>() {
            }));
        });
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        URI uri = properties.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void requireSuccess(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new InventoryUnavailableException("inventory answered [" + response.statusCode() + "] for [" + response.uri() + "]");
        }
    }

    private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("inventory sent a body that is not stock JSON from [" + response.uri() + "]", e);
        }
    }
}
