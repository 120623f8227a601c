package dev.faultline.journal;

import java.util.List;

/** One check of the steady-state hypothesis: whether it was met and every probe's run record. */
public record HypothesisRun(Boolean steadyStateMet, List<RunRecord> probes) {

    public HypothesisRun {
        probes = Lists.copy(probes);
    }

    /** {@code true} only when the journal says the steady state was met. */
    public boolean met() {
        return Boolean.TRUE.equals(steadyStateMet);
    }
}
