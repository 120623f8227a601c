package dev.faultline.cli;

/** Exit codes of commands other than {@code run} (whose code comes from its outcome). See docs/exit-codes.md. */
final class ExitCodes {

    static final int OK = 0;
    static final int INVALID = 2;
    static final int ERROR = 4;

    private ExitCodes() {
    }
}
