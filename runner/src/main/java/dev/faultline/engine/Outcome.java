package dev.faultline.engine;

/**
 * How a run ended, with its exit code and the Chaos Toolkit {@code status} it maps onto. The
 * order of declaration is the order of seriousness (later wins when several apply).
 */
public enum Outcome {
    HELD("held", 0, "completed", "steady state held"),
    DEVIATED("deviated", 1, "completed", "steady state deviated"),
    NOT_MET("not-met", 5, "failed", "steady state not met before the method: nothing was injected"),
    REFUSED("refused", 3, "aborted", "refused by pre-flight checks or policy: nothing was injected"),
    INTERRUPTED("interrupted", 3, "interrupted", "interrupted by a signal or `faultline abort`: faults undone"),
    ABORTED("aborted", 3, "aborted", "aborted by a safety guard: faults undone"),
    ERROR("error", 4, "failed", "runner or infrastructure error");

    private final String wireName;
    private final int exitCode;
    private final String ctkStatus;
    private final String meaning;

    Outcome(String wireName, int exitCode, String ctkStatus, String meaning) {
        this.wireName = wireName;
        this.exitCode = exitCode;
        this.ctkStatus = ctkStatus;
        this.meaning = meaning;
    }

    public String wireName() {
        return wireName;
    }

    public int exitCode() {
        return exitCode;
    }

    public String ctkStatus() {
        return ctkStatus;
    }

    public String meaning() {
        return meaning;
    }

    public Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
