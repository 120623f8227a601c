package dev.faultline.engine;

import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.RollbackStrategy;
import dev.faultline.experiment.SafetyContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run an experiment: command-line choices and the seams tests use (clock, listener).
 *
 * @param dry {@code null} for a real run
 * @param hypothesisStrategy overrides the experiment's runtime strategy when not {@code null}
 * @param rollbackStrategy overrides the experiment's runtime strategy when not {@code null}
 * @param hypothesisFrequency pace of during-method hypothesis runs; {@code null}: experiment's or 1 s
 * @param failFast stop as soon as a during-method hypothesis deviates
 * @param callTimeout default budget of one network call made by a driver
 * @param undoTimeout budget of one fault's undo
 * @param environmentOverrides variables from {@code --var-file x.env}, seen by {@code {type: env}} values as if exported
 * @param rollFirst roll back open ledger entries of earlier runs before starting instead of refusing
 * @param safety safety inherited from a game day, or {@code null}
 */
public record RunOptions(DryRun dry, HypothesisStrategy hypothesisStrategy, RollbackStrategy rollbackStrategy,
                         Duration hypothesisFrequency, boolean failFast,
                         Map<String, Object> configurationOverrides, Map<String, Map<String, Object>> secretOverrides,
                         Map<String, String> environmentOverrides, Path ledgerFile, Duration callTimeout, Duration undoTimeout, boolean rollFirst,
                         SafetyContext safety, RunListener listener, Clock clock, String command) {

    public RunOptions {
        configurationOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurationOverrides));
        secretOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretOverrides));
        environmentOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environmentOverrides));
        listener = listener == null ? RunListener.NONE : listener;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, null, false, Map.of(), Map.of(), Map.of(), null,
                Duration.ofSeconds(30), Duration.ofSeconds(15), false, null, RunListener.NONE, Clock.systemUTC(), null);
    }

    public RunOptions withDry(DryRun value) {
        return new RunOptions(value, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configurationOverrides,
                secretOverrides, environmentOverrides, ledgerFile, callTimeout, undoTimeout, rollFirst, safety, listener, clock, command);
    }

    public RunOptions withStrategies(HypothesisStrategy hypothesis, RollbackStrategy rollbacks, Duration frequency, boolean fast) {
        return new RunOptions(dry, hypothesis, rollbacks, frequency, fast, configurationOverrides,
                secretOverrides, environmentOverrides, ledgerFile, callTimeout, undoTimeout, rollFirst, safety, listener, clock, command);
    }

    public RunOptions withOverrides(Map<String, Object> configuration, Map<String, Map<String, Object>> secrets,
                                    Map<String, String> environment) {
        return new RunOptions(dry, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configuration,
                secrets, environment, ledgerFile, callTimeout, undoTimeout, rollFirst, safety, listener, clock, command);
    }

    public RunOptions withLedger(Path file, boolean rollBackFirst) {
        return new RunOptions(dry, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configurationOverrides,
                secretOverrides, environmentOverrides, file, callTimeout, undoTimeout, rollBackFirst, safety, listener, clock, command);
    }

    public RunOptions withListener(RunListener value) {
        return new RunOptions(dry, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configurationOverrides,
                secretOverrides, environmentOverrides, ledgerFile, callTimeout, undoTimeout, rollFirst, safety, value, clock, command);
    }

    public RunOptions withCommand(String value) {
        return new RunOptions(dry, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configurationOverrides,
                secretOverrides, environmentOverrides, ledgerFile, callTimeout, undoTimeout, rollFirst, safety, listener, clock, value);
    }

    public RunOptions withSafety(SafetyContext value) {
        return new RunOptions(dry, hypothesisStrategy, rollbackStrategy, hypothesisFrequency, failFast, configurationOverrides,
                secretOverrides, environmentOverrides, ledgerFile, callTimeout, undoTimeout, rollFirst, value, listener, clock, command);
    }
}
