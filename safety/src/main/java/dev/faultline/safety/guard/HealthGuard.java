package dev.faultline.safety.guard;

import dev.faultline.safety.config.Numbers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Breaches when a health endpoint fails {@code failures} times in a row (a status of 400 or more, a
 * refused connection, or no answer within the timeout). Checks never block: each check harvests the
 * answer to the previous request and sends the next one, so a hanging endpoint cannot delay other
 * guards; one request is in flight at a time.
 */
public final class HealthGuard implements Guard {

    public static final String NAME = "health";
    public static final int DEFAULT_FAILURES = 3;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final Supplier<CompletableFuture<Integer>> prober;
    private final int failures;
    private final Duration timeout;
    private final GuardDefinition definition;
    private CompletableFuture<Integer> pending;
    private Instant pendingSince;
    private int consecutive;
    private String lastFailure = "";

    /** GETs {@code url} with the JDK HTTP client. */
    public HealthGuard(URI url, int failures, Duration timeout) {
        this(url.toString(), httpGet(url, timeout), failures, timeout);
    }

    /**
     * @param target what is probed, for messages
     * @param prober sends one request and completes with its HTTP status (or exceptionally)
     */
    public HealthGuard(String target, Supplier<CompletableFuture<Integer>> prober, int failures, Duration timeout) {
        this.prober = Objects.requireNonNull(prober, "prober");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (failures < 1) {
            throw new IllegalArgumentException("health failures must be at least 1, but was [" + failures + "]");
        }
        this.failures = failures;
        this.definition = new GuardDefinition(NAME, "health endpoint " + target + " failing " + failures
                + " times in a row (timeout " + timeout.toMillis() + " ms)", failures, "failures");
    }

    @Override
    public GuardDefinition definition() {
        return definition;
    }

    @Override
    public synchronized GuardCheck check(Instant now) {
        harvest(now);
        if (pending == null) {
            pendingSince = now;
            try {
                pending = prober.get();
            } catch (RuntimeException e) {
                fail("cannot send the request: " + e.getMessage());
            }
        }
        if (consecutive >= failures) {
            return GuardCheck.breach(NAME, now, consecutive, failures, "health endpoint failed [" + consecutive
                    + "] times in a row (limit [" + failures + "]), last: " + lastFailure);
        }
        String text = consecutive == 0 ? "health endpoint answering" : "health endpoint failed [" + consecutive
                + "] times in a row (limit [" + failures + "]), last: " + lastFailure;
        return GuardCheck.ok(NAME, now, consecutive, failures, text);
    }

    private void harvest(Instant now) {
        if (pending == null) {
            return;
        }
        if (pending.isDone()) {
            try {
                int status = pending.get();
                if (status >= 400) {
                    fail("status [" + status + "]");
                } else {
                    consecutive = 0;
                }
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                fail(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.CancellationException e) {
                fail("request cancelled");
            }
            pending = null;
        } else if (Duration.between(pendingSince, now).compareTo(timeout) >= 0) {
            pending.cancel(true);
            pending = null;
            fail("no answer within [" + Numbers.format(timeout.toMillis()) + " ms]");
        }
    }

    private void fail(String why) {
        consecutive++;
        lastFailure = why;
    }

    private static Supplier<CompletableFuture<Integer>> httpGet(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        return () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
