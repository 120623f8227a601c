package dev.faultline.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP service for tests, in the spirit of httpbin: {@code /status/N} answers N,
 * {@code /json} answers httpbin's sample document, {@code /delay/S} waits S seconds,
 * {@code /health} answers 200 or 503 depending on {@link #healthy(boolean)} (also switched by
 * {@code POST /break} and {@code POST /repair}); anything else answers 200 with {@code {"status":"UP"}}.
 */
public final class HttpTarget implements AutoCloseable {

    private static final String SLIDESHOW = "{\"slideshow\":{\"author\":\"Yours Truly\",\"date\":\"date of publication\","
            + "\"slides\":[{\"title\":\"Wake up to WonderWidgets!\",\"type\":\"all\"},"
            + "{\"items\":[\"Why <em>WonderWidgets</em> are great\",\"Who <em>buys</em> WonderWidgets\"],"
            + "\"title\":\"Overview\",\"type\":\"all\"}],\"title\":\"Sample Slide Show\"}}";

    private final HttpServer server;
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();

    private HttpTarget(HttpServer server) {
        this.server = server;
    }

    public static HttpTarget start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            HttpTarget target = new HttpTarget(server);
            server.createContext("/", target::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-target");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void healthy(boolean value) {
        healthy.set(value);
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("/echo")) {
                send(exchange, 200, "{\"method\":" + quote(exchange.getRequestMethod())
                        + ",\"query\":" + quote(exchange.getRequestURI().getRawQuery())
                        + ",\"contentType\":" + quote(exchange.getRequestHeaders().getFirst("Content-Type"))
                        + ",\"token\":" + quote(exchange.getRequestHeaders().getFirst("X-Token"))
                        + ",\"body\":" + quote(requestBody) + "}");
            } else if (path.startsWith("/status/")) {
                send(exchange, Integer.parseInt(path.substring(8)), "", "text/html; charset=utf-8");
            } else if (path.equals("/json")) {
                send(exchange, 200, SLIDESHOW);
            } else if (path.startsWith("/delay/")) {
                Thread.sleep((long) (Double.parseDouble(path.substring(7)) * 1000));
                send(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.equals("/break") && exchange.getRequestMethod().equals("POST")) {
                healthy.set(false);
                send(exchange, 200, "{\"healthy\":false}");
            } else if (path.equals("/repair") && exchange.getRequestMethod().equals("POST")) {
                healthy.set(true);
                send(exchange, 200, "{\"healthy\":true}");
            } else if (path.equals("/health")) {
                send(exchange, healthy.get() ? 200 : 503, healthy.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            } else {
                send(exchange, 200, "{\"status\":\"UP\"}");
            }
        } catch (InterruptedException | NumberFormatException e) {
            send(exchange, 400, "{\"error\":\"bad request\"}");
        }
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body, "application/json");
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
