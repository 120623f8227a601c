package dev.faultline.safety.load;

/** What happened to one request of the load probe. */
public enum Outcome {
    /** An HTTP answer with a status below the error threshold. */
    OK,
    /** An HTTP answer with an error status (5xx by default). */
    ERROR_STATUS,
    /** The connection was refused or reset before an answer: the service is down or unreachable. */
    REFUSED,
    /** No answer within the timeout (connect or response). */
    TIMEOUT,
    /** Any other I/O failure. */
    IO_ERROR;

    public boolean isError() {
        return this != OK;
    }
}
