package dev.faultline.journal;

/** A file that could not be read as a journal; the message says which file, what is wrong and what to do. */
public final class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
