package dev.faultline.engine;

import java.time.Instant;
import java.util.List;

/**
 * One run of the steady-state hypothesis.
 *
 * @param met {@code true}/{@code false}, or {@code null} when no probe's tolerance was checked (dry run)
 */
public record SteadyState(Phase phase, Boolean met, List<RunRecord> probes, Instant start, Instant end) {

    public SteadyState {
        probes = List.copyOf(probes);
    }

    public boolean notMet() {
        return Boolean.FALSE.equals(met);
    }
}
