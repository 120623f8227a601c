package dev.faultline.gameday;

import dev.faultline.engine.Outcome;

import java.util.List;

/** The outcome of every experiment of a game day, and the aggregate. */
public record GameDayResult(GameDay gameDay, List<ExperimentOutcome> experiments) {

    public GameDayResult {
        experiments = List.copyOf(experiments);
    }

    /**
     * The worst outcome of the experiments that ran: error beats aborted/refused/interrupted, which
     * beat not-met, which beats deviated, which beats held. {@code HELD} when none ran.
     */
    public Outcome worst() {
        return experiments.stream().filter(ExperimentOutcome::ran).map(ExperimentOutcome::outcome)
                .reduce(Outcome.HELD, Outcome::worst);
    }

    public int exitCode() {
        return worst().exitCode();
    }

    public boolean allAsExpected() {
        return experiments.stream().allMatch(ExperimentOutcome::asExpected);
    }
}
