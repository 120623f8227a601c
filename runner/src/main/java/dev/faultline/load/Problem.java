package dev.faultline.load;

import java.nio.file.Path;

/**
 * One thing wrong (or worth a warning) in an input file, with where it is and how to fix it.
 *
 * @param pointer JSON pointer of the offending element ({@code ""} for the whole document)
 * @param hint what to do about it, or {@code null}
 */
public record Problem(Severity severity, Path file, String pointer, Location location, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message (at /pointer)} followed by an indented hint line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(file == null ? "<input>" : file.toString());
        if (location != null && location.line() > 0) {
            out.append(':').append(location);
        }
        out.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ").append(message);
        if (pointer != null && !pointer.isEmpty()) {
            out.append(" (at ").append(pointer).append(')');
        }
        if (hint != null && !hint.isBlank()) {
            out.append(System.lineSeparator()).append("    fix: ").append(hint);
        }
        return out.toString();
    }
}
