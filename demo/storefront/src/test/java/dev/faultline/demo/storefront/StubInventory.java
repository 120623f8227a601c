package dev.faultline.demo.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the inventory service on a real loopback socket, speaking its JSON, that a test
 * can slow down. It keeps the storefront's tests independent of the inventory module's build;
 * the two real services meet in the end-to-end tests.
 */
final class StubInventory implements AutoCloseable {

    private static final String ALL = "[{\"sku\":\"SKU-1001\",\"available\":42},{\"sku\":\"SKU-1002\",\"available\":7}]";

    private final HttpServer server;
    private volatile Duration delay = Duration.ZERO;
    private volatile int failure;

    StubInventory() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/stock", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    /** Answers every request with {@code status} (0: answer normally). */
    void failWith(int status) {
        this.failure = status;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != 0) {
            exchange.sendResponseHeaders(failure, -1);
            exchange.close();
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String body = path.equals("/api/stock") ? ALL
                : path.equals("/api/stock/SKU-1002") ? "{\"sku\":\"SKU-1002\",\"available\":7}" : null;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
