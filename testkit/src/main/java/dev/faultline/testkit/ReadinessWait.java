package dev.faultline.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Polls a starting {@link DemoService} until it writes its port file and {@code /ready} answers 200. */
final class ReadinessWait {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_LINES = 40;

    private ReadinessWait() {
    }

    static void until(DemoService service, Path portFile, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest ready = HttpRequest.newBuilder(service.uri("/ready")).timeout(PROBE_TIMEOUT).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        try {
            while (System.nanoTime() < deadline) {
                if (!service.isAlive()) {
                    throw failure(service, "exited before it was ready", last);
                }
                if (Files.isRegularFile(portFile)) {
                    String written = Files.readString(portFile).trim();
                    if (!written.equals(Integer.toString(service.port()))) {
                        throw failure(service, "bound port [" + written + "] instead of [" + service.port() + "]", last);
                    }
                    last = probe(http, ready);
                    if (last.equals("200")) {
                        return;
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
            throw failure(service, "was not ready within [" + timeout.toSeconds() + " s]", last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(service, "was interrupted while starting", last);
        } catch (IOException e) {
            throw failure(service, "wrote an unreadable port file [" + portFile + "]", last);
        }
    }

    private static String probe(HttpClient http, HttpRequest ready) throws InterruptedException {
        try {
            return Integer.toString(http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Stops the service (so nothing leaks) and describes why it did not start, with its log tail. */
    private static IllegalStateException failure(DemoService service, String what, String lastAnswer) {
        String exit = service.isAlive() ? "" : " (exit code " + exitCode(service) + ")";
        String cleanup = "";
        try {
            service.close();
        } catch (IllegalStateException e) {
            cleanup = "; " + e.getMessage();
        }
        return new IllegalStateException("demo service [" + service.name() + "] on port [" + service.port() + "] " + what + exit
                + "; last answer from [" + service.uri("/ready") + "]: [" + lastAnswer + "]" + cleanup + "; log [" + service.log() + "] ends with:"
                + System.lineSeparator() + service.logTail(LOG_LINES));
    }

    private static String exitCode(DemoService service) {
        return service.exitCode().isPresent() ? Integer.toString(service.exitCode().getAsInt()) : "unknown";
    }
}
