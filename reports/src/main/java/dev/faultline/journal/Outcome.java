package dev.faultline.journal;

import java.util.Arrays;
import java.util.Optional;

/** How a run ended, with the exit code Faultline gives it (see docs/exit-codes.md). */
public enum Outcome {

    HELD("held", 0, "the steady state held before and after the method"),
    DEVIATED("deviated", 1, "the steady state was met before the method and not after (or during) it"),
    NOT_MET("not-met", 5, "the steady state was not met before the method: nothing was injected"),
    ABORTED("aborted", 3, "a safety guard or a kill switch aborted the run; faults are undone on abort"),
    REFUSED("refused", 3, "pre-flight checks or the blast-radius policy refused the run: nothing was injected"),
    INTERRUPTED("interrupted", 3, "the run was stopped by SIGINT, SIGTERM or faultline abort; faults are undone"),
    ERROR("error", 4, "the runner or the infrastructure failed (an activity could not run, a driver could not "
            + "reach its server, or an undo or rollback failed)");

    private final String label;
    private final int exitCode;
    private final String meaning;

    Outcome(String label, int exitCode, String meaning) {
        this.label = label;
        this.exitCode = exitCode;
        this.meaning = meaning;
    }

    /** The journal's spelling: {@code held}, {@code not-met}, ... */
    public String label() {
        return label;
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the exit code means for this outcome, in the words of docs/exit-codes.md. */
    public String meaning() {
        return meaning;
    }

    public static Optional<Outcome> ofLabel(String label) {
        return Arrays.stream(values()).filter(o -> o.label.equalsIgnoreCase(String.valueOf(label))).findFirst();
    }

    /**
     * The outcome of a journal without Faultline data, from the Chaos Toolkit keys alone. Chaos Toolkit
     * marks a before-hypothesis that was not met as {@code completed} (or {@code failed} when a probe
     * raised), so the before check is looked at first.
     */
    public static Outcome fromChaosToolkit(String status, boolean deviated, HypothesisRun before) {
        String s = status == null ? "" : status;
        if (s.equals("interrupted")) {
            return INTERRUPTED;
        }
        if (s.equals("aborted")) {
            return ABORTED;
        }
        if (before != null && !before.met()) {
            return NOT_MET;
        }
        if (s.equals("completed")) {
            return deviated ? DEVIATED : HELD;
        }
        return ERROR;
    }
}
