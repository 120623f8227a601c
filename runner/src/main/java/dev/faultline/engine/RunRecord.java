package dev.faultline.engine;

import dev.faultline.experiment.Activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened when one activity ran: the Chaos Toolkit run entry plus Faultline's details.
 *
 * @param toleranceMet for hypothesis probes; {@code null} elsewhere or when not checked (dry run)
 * @param toleranceDetail why the tolerance was (not) met, for reports
 * @param faultIds faults this activity injected
 */
public record RunRecord(Phase phase, Activity activity, Object output, Status status, Instant start, Instant end,
                        List<String> exception, Boolean toleranceMet, String toleranceDetail, boolean timedOut,
                        List<String> faultIds) {

    /** Run-entry status, as written in the journal. */
    public enum Status {
        SUCCEEDED("succeeded"), FAILED("failed"), SKIPPED("skipped");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public RunRecord {
        exception = exception == null ? List.of() : List.copyOf(exception);
        faultIds = faultIds == null ? List.of() : List.copyOf(faultIds);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public RunRecord withTolerance(boolean met, String detail) {
        return new RunRecord(phase, activity, output, status, start, end, exception, met, detail, timedOut, faultIds);
    }
}
