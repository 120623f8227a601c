package dev.faultline.journal;

import java.util.List;

/** The hypothesis checks of a run: before the method, during it (zero or more), and after it. */
public record SteadyStates(HypothesisRun before, HypothesisRun after, List<HypothesisRun> during) {

    public SteadyStates {
        during = Lists.copy(during);
    }

    public static SteadyStates none() {
        return new SteadyStates(null, null, List.of());
    }
}
