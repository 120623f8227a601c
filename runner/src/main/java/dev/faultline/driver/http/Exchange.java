package dev.faultline.driver.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request ready to send, and what came back.
 *
 * @param body the request body, or {@code null} for none
 */
record Exchange(String method, URI uri, Map<String, String> headers, String body, Duration connectTimeout,
                Duration readTimeout, boolean verifyTls) {

    /** An answer: status, headers (lower-case names), body text. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    /** The server could not be reached (refused, no route, connect timeout): worth a retry. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Connected, but no answer came within the read timeout. */
    static final class NoAnswer extends Exception {
        NoAnswer(Throwable cause) {
            super(cause);
        }
    }

    /** Sends exchanges. */
    interface Transport {
        Answer send(Exchange exchange) throws Unreachable, NoAnswer, java.io.IOException, InterruptedException;
    }
}
