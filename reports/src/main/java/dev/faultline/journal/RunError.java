package dev.faultline.journal;

/** A runner or infrastructure failure and the phase it happened in. */
public record RunError(String message, String phase) {

    public RunError {
        message = message == null || message.isBlank() ? "(no message)" : message;
    }
}
