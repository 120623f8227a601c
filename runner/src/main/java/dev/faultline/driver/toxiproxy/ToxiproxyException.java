package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;

import java.time.Duration;

/**
 * A call to a Toxiproxy server that did not do what was asked. The message names the server, the
 * operation, the HTTP status and the server's own error text, and says what to do next; it is what
 * the journal records for the failed activity.
 */
public final class ToxiproxyException extends ActivityFailedException {

    /** Status used when no HTTP answer arrived (timeout, connection refused). */
    public static final int NO_ANSWER = 0;

    private final int status;
    private final String serverError;

    private ToxiproxyException(String message, int status, String serverError, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverError = serverError;
    }

    /** The server answered with an error status. */
    static ToxiproxyException rejected(String server, String operation, int status, String serverError, String advice) {
        return new ToxiproxyException(operation + " at Toxiproxy server [" + server + "] failed: HTTP " + status
                + " [" + serverError + "]. " + advice, status, serverError, null);
    }

    /** Refused before anything was sent, because the server already holds what would be created. */
    static ToxiproxyException conflict(String server, String operation, String what, String advice) {
        return new ToxiproxyException(operation + " at Toxiproxy server [" + server + "] refused: " + what
                + " already exists (the server would answer 409). " + advice, 409, what + " already exists", null);
    }

    static ToxiproxyException timedOut(String server, String operation, Duration budget) {
        return new ToxiproxyException(operation + " at Toxiproxy server [" + server + "] got no answer within ["
                + budget.toMillis() + " ms]. The server may be overloaded or stuck (removing toxics can hang under"
                + " load); whether the change took effect is unknown: check GET " + server + "/proxies, and run"
                + " `faultline rollback` to retry the undo.", NO_ANSWER, "no answer", null);
    }

    static ToxiproxyException unreachable(String server, String operation, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ToxiproxyException(operation + " at Toxiproxy server [" + server + "] failed: cannot connect ["
                + reason + "]. Is the server running? Check configuration [toxiproxy_url] (or the argument"
                + " [server]).", NO_ANSWER, reason, cause);
    }

    static ToxiproxyException badReply(String server, String operation, int status, String body) {
        return new ToxiproxyException(operation + " at Toxiproxy server [" + server + "] answered HTTP " + status
                + " with a body that is not the expected JSON [" + body + "]. Check that [" + server
                + "] is a Toxiproxy 2.x API address (configuration [toxiproxy_url]).", status, body, null);
    }

    /** The HTTP status, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /** The server's error text, or a short reason when it did not answer. */
    public String serverError() {
        return serverError;
    }

    public boolean notFound() {
        return status == 404;
    }
}
