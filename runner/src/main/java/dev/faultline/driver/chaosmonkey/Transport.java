package dev.faultline.driver.chaosmonkey;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.faultline.driver.ActivityFailedException;

/**
 * One HTTP exchange with a Chaos Monkey actuator, bounded by a deadline from connect to the last
 * body byte, and interruptible. Failures to reach the application become
 * {@link ActivityFailedException}s that say which URL and what to check.
 */
final class Transport {

    /** An answer, whatever its status. */
    record Reply(URI uri, int status, String body) {
    }

    /** The request was sent (or being sent) but no answer came before the deadline. */
    static final class NoAnswer extends ActivityFailedException {
        NoAnswer(String message) {
            super(message);
        }
    }

    /** Nothing listens at the actuator's address: the connection was refused. */
    static final class Refused extends ActivityFailedException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final class Secure {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
    private static final class Insecure {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(trustingEveryone()).build();
    }

    private Transport() {
    }

    /**
     * Sends one request. {@code json} is the body of a POST ({@code null} for GET; empty for a
     * POST without body). {@code budget} is the whole call's budget, named in timeout messages.
     */
    static Reply send(ActuatorTarget target, String method, String path, String json, long deadlineNanos, Duration budget)
            throws ActivityFailedException, InterruptedException {
        URI uri = target.endpoint(path);
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(uri, budget);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(remaining))
                .header("Accept", "application/json");
        try {
            target.headers().forEach(request::setHeader);
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("argument [headers] holds a header Java's HTTP client may not set (" + e.getMessage()
                    + "); remove it from the activity's headers");
        }
        if (json == null) {
            request.GET();
        } else if (json.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpClient client = target.verifySsl() ? Secure.CLIENT : Insecure.CLIENT;
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(remaining, TimeUnit.NANOSECONDS);
            return new Reply(uri, response.statusCode(), response.body() == null ? "" : response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(uri, budget);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unreachable(uri, e.getCause() == null ? e : e.getCause(), budget);
        }
    }

    private static ActivityFailedException timedOut(URI uri, Duration budget) {
        return new NoAnswer("Chaos Monkey at [" + uri + "] did not answer within [" + budget.toMillis()
                + " ms]; check that the application is responsive, or raise the activity's timeout");
    }

    private static ActivityFailedException unreachable(URI uri, Throwable cause, Duration budget) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut(uri, budget);
        }
        if (cause instanceof ConnectException) {
            return new Refused("could not connect to Chaos Monkey at [" + uri
                    + "]: connection refused; check that the application runs and that base_url points at its actuator", cause);
        }
        if (cause instanceof SSLException) {
            return new ActivityFailedException("TLS with [" + uri + "] failed (" + cause.getMessage()
                    + "); trust its certificate, or set verify_ssl: false for a self-signed one", cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ActivityFailedException("request to Chaos Monkey at [" + uri + "] failed: " + message, cause);
    }

    private static SSLContext trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEveryone()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /**
     * What {@code verify_ssl: false} means: no certificate check and, because host-name checks
     * are the trust manager's job for an extended trust manager, no host-name check either.
     */
    private static final class TrustEveryone extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
