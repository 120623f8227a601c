package dev.faultline.safety.prometheus;

/**
 * A Prometheus query failed. {@link #kind()} tells an unreachable server (fail closed: safety cannot
 * be judged) from a query the server rejected (fix the query).
 */
public final class PrometheusException extends Exception {

    /** Why the query failed. */
    public enum Kind {
        /** Connection refused, DNS failure, connect timeout. */
        UNREACHABLE,
        /** Connected but no complete answer within the read timeout. */
        TIMEOUT,
        /** The server answered with an error envelope or a non-2xx status (e.g. bad_data). */
        REJECTED,
        /** The answer was not a Prometheus API envelope. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int status;

    public PrometheusException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
