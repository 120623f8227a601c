package dev.faultline.driver.toxiproxy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads and sets up a Toxiproxy server's state with plain HTTP calls, independent of the driver's
 * own client, so that tests check the server's word and not the code under test.
 */
final class ServerState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;

    ServerState(String url) {
        this.url = url;
    }

    /** Creates a proxy on a free loopback port in front of {@code upstream}; returns its port. */
    int createProxy(String name, String upstream) throws Exception {
        Map<String, Object> proxy = send("POST", "/proxies",
                Map.of("name", name, "listen", "127.0.0.1:0", "upstream", upstream), 201);
        String listen = (String) proxy.get("listen");
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    List<Map<String, Object>> toxics(String proxy) throws Exception {
        HttpResponse<String> response = request("GET", "/proxies/" + proxy + "/toxics", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET toxics of [" + proxy + "]: " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    /** The proxy, or null when the server does not have it. */
    Map<String, Object> proxy(String name) throws Exception {
        HttpResponse<String> response = request("GET", "/proxies/" + name, null);
        return response.statusCode() == 404 ? null : JSON.readValue(response.body(), new TypeReference<>() { });
    }

    void reset() throws Exception {
        request("POST", "/reset", null);
    }

    void deleteAllProxies() throws Exception {
        Map<String, Object> all = JSON.readValue(request("GET", "/proxies", null).body(), new TypeReference<>() { });
        for (String name : all.keySet()) {
            request("DELETE", "/proxies/" + name, null);
        }
    }

    private Map<String, Object> send(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = request(method, path, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    private HttpResponse<String> request(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5))
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}
