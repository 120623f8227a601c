package dev.faultline.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One probe, action or pause as it ran (the Chaos Toolkit "run record"): what was declared, what
 * it returned, whether it succeeded and, for hypothesis probes, whether the tolerance was met.
 */
public record RunRecord(ActivityInfo activity, JsonNode output, String status, Instant start, Instant end,
        Double duration, List<String> exception,
        Boolean toleranceMet) {

    public RunRecord {
        activity = activity == null ? ActivityInfo.of(NullNode.getInstance()) : activity;
        output = output == null ? NullNode.getInstance() : output;
        status = status == null ? "unknown" : status;
        exception = Lists.copy(exception);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }

    public boolean skipped() {
        return "skipped".equals(status);
    }

    /** The journaled duration, or end minus start when the journal left it out. */
    public Duration elapsed() {
        if (duration != null) {
            return Duration.ofNanos(Math.round(duration * 1e9));
        }
        if (start != null && end != null) {
            return Duration.between(start, end);
        }
        return Duration.ZERO;
    }

    /** The last non-blank line of the exception: Python tracebacks end with the message. */
    public String reason() {
        for (int i = exception.size() - 1; i >= 0; i--) {
            String line = exception.get(i).strip();
            if (!line.isEmpty()) {
                return line;
            }
        }
        return null;
    }
}
