package dev.faultline.driver.toxiproxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that answers like a broken or stuck Toxiproxy would: chosen status and raw
 * body, or no answer at all. It records every request it gets.
 */
final class StubServer implements AutoCloseable {

    record Request(String method, String path, String body) {}

    @FunctionalInterface
    interface Responder {
        /** Status and body for a request; a null reply means "never answer". */
        Reply reply(Request request);
    }

    record Reply(int status, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private StubServer(Responder responder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-toxiproxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    static StubServer answering(Responder responder) {
        return new StubServer(responder);
    }

    static StubServer answering(int status, String body) {
        return new StubServer(request -> new Reply(status, body));
    }

    /** Accepts requests and never answers them (until closed). */
    static StubServer hanging() {
        return new StubServer(request -> null);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body);
        requests.add(request);
        Reply reply = responder.reply(request);
        if (reply == null) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
