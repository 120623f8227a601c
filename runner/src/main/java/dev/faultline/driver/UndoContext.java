package dev.faultline.driver;

import java.time.Duration;

/** What an undo may rely on: a deadline. Everything else comes from the {@link UndoSpec}. */
public record UndoContext(Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static UndoContext defaults() {
        return new UndoContext(DEFAULT_TIMEOUT);
    }
}
