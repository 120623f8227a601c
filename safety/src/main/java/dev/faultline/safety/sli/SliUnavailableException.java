package dev.faultline.safety.sli;

/** An SLI could not be measured right now (Prometheus unreachable, query rejected, probe not started). */
public final class SliUnavailableException extends Exception {

    public SliUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SliUnavailableException(String message) {
        super(message);
    }
}
