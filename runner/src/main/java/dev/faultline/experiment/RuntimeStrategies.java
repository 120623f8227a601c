package dev.faultline.experiment;

/**
 * When the steady-state hypothesis runs and when rollbacks run (the experiment's {@code runtime}
 * block; the command line may override both).
 *
 * @param frequencySeconds pace of during-method hypothesis runs; {@code null} for the default
 */
public record RuntimeStrategies(HypothesisStrategy hypothesis, Double frequencySeconds, RollbackStrategy rollbacks) {

    public static final RuntimeStrategies DEFAULTS =
            new RuntimeStrategies(HypothesisStrategy.DEFAULT, null, RollbackStrategy.DEFAULT);

    public RuntimeStrategies {
        hypothesis = hypothesis == null ? HypothesisStrategy.DEFAULT : hypothesis;
        rollbacks = rollbacks == null ? RollbackStrategy.DEFAULT : rollbacks;
    }
}
