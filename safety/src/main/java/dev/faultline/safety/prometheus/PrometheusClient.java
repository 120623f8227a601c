package dev.faultline.safety.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client for the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range},
 * {@code /-/ready}) with real timeouts: the connect timeout bounds connection set-up and the read
 * timeout bounds the whole exchange, including reading the body. Thread-safe; share one instance.
 */
public final class PrometheusClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A raw API answer: HTTP status and the parsed JSON body ({@code null} when the body is not JSON). */
    public record ApiResponse(int status, JsonNode body, String text) {}

    private final URI base;
    private final Duration readTimeout;
    private final HttpClient http;

    private PrometheusClient(URI base, Duration connectTimeout, Duration readTimeout, boolean verifyTls) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.readTimeout = readTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (!verifyTls) {
            builder.sslContext(trustAll());
        }
        this.http = builder.build();
    }

    public static PrometheusClient create(URI base) {
        return create(base, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public static PrometheusClient create(URI base, Duration connectTimeout, Duration readTimeout) {
        return create(base, connectTimeout, readTimeout, true);
    }

    /** @param verifyTls {@code false} trusts any server certificate (self-signed test servers only) */
    public static PrometheusClient create(URI base, Duration connectTimeout, Duration readTimeout, boolean verifyTls) {
        Objects.requireNonNull(base, "base");
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new IllegalArgumentException("Prometheus URL [" + base + "] must start with http:// or https://");
        }
        return new PrometheusClient(base, connectTimeout, readTimeout, verifyTls);
    }

    public URI baseUrl() {
        return base;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Instant query at {@code time} ({@code null}: the server's now). */
    public QueryResult query(String promql, Instant time) throws PrometheusException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", promql);
        if (time != null) {
            params.put("time", Responses.unixSeconds(time));
        }
        return Responses.data(this, "query", promql, get("/api/v1/query", params, readTimeout));
    }

    /** Range query from {@code start} to {@code end} every {@code step}. */
    public QueryResult queryRange(String promql, Instant start, Instant end, Duration step) throws PrometheusException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", promql);
        params.put("start", Responses.unixSeconds(start));
        params.put("end", Responses.unixSeconds(end));
        params.put("step", Double.toString(step.toMillis() / 1000.0));
        return Responses.data(this, "query_range", promql, get("/api/v1/query_range", params, readTimeout));
    }

    /** Whether {@code /-/ready} answers 200 within the read timeout. */
    public boolean ready() {
        try {
            return get("/-/ready", Map.of(), readTimeout).status() == 200;
        } catch (PrometheusException e) {
            return false;
        }
    }

    /**
     * GETs {@code path} with {@code params}; any HTTP status is returned. Throws only when there is
     * no answer at all ({@link PrometheusException.Kind#UNREACHABLE} or {@link PrometheusException.Kind#TIMEOUT}).
     */
    public ApiResponse get(String path, Map<String, String> params, Duration timeout) throws PrometheusException {
        URI uri = URI.create(base + path + query(params));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(uri, timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PrometheusException(PrometheusException.Kind.TIMEOUT, 0,
                    "interrupted while waiting for Prometheus at [" + base + "]", e);
        } catch (ExecutionException e) {
            throw transport(uri, timeout, e.getCause() == null ? e : e.getCause());
        }
        String text = response.body();
        return new ApiResponse(response.statusCode(), parse(text), text);
    }

    private PrometheusException transport(URI uri, Duration timeout, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new PrometheusException(PrometheusException.Kind.UNREACHABLE, 0, "Prometheus at [" + base
                    + "] is unreachable (" + describe(cause) + "); check that it runs and that the URL is right", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(uri, timeout, cause);
        }
        if (cause instanceof IOException) {
            return new PrometheusException(PrometheusException.Kind.UNREACHABLE, 0, "Prometheus at [" + base
                    + "] failed to answer (" + describe(cause) + "); check that it runs and that the URL is right", cause);
        }
        return new PrometheusException(PrometheusException.Kind.BAD_RESPONSE, 0, "request to [" + uri + "] failed: "
                + describe(cause), cause);
    }

    private PrometheusException timeout(URI uri, Duration timeout, Throwable cause) {
        return new PrometheusException(PrometheusException.Kind.TIMEOUT, 0, "Prometheus at [" + base
                + "] did not answer within [" + timeout.toMillis() + " ms] (" + uri.getPath() + "); raise the timeout or check the server's load", cause);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // trusting any certificate is what verify_tls=false asks for
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // trusting any certificate is what verify_tls=false asks for
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context", e);
        }
    }
}
