package dev.faultline.driver;

/**
 * A probe or action failed for a reason the user should read: the message is journaled as the
 * activity's exception and printed without a stack trace.
 */
public class ActivityFailedException extends Exception {

    public ActivityFailedException(String message) {
        super(message);
    }

    public ActivityFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
