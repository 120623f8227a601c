package dev.faultline.engine;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Settings;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Substitution;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Everything one run needs, in one place: the experiment, its resolved values, the drivers, the
 * fault tracker, the stop signal and where records go. Created by the {@link Engine}.
 */
final class RunContext {

    final String runId;
    final Experiment experiment;
    final RunOptions options;
    final DriverRegistry registry;
    final StopSignal stop;
    final FaultTracker faults;
    final ExecutorService workers;
    final Clock clock;
    final RunListener listener;
    /** Every activity run, in start order, for the journal's {@code faultline.activities}. */
    final List<RunRecord> records = new CopyOnWriteArrayList<>();

    private final List<Runnable> endings = new CopyOnWriteArrayList<>();
    private volatile Settings configuration = Settings.empty();
    private volatile Map<String, Map<String, Object>> secrets = Map.of();
    private volatile Substitution substitution = Substitution.none();

    RunContext(String runId, Experiment experiment, RunOptions options, DriverRegistry registry, StopSignal stop,
               FaultTracker faults, ExecutorService workers) {
        this.runId = runId;
        this.experiment = experiment;
        this.options = options;
        this.registry = registry;
        this.stop = stop;
        this.faults = faults;
        this.workers = workers;
        this.clock = options.clock();
        this.listener = options.listener();
    }

    void resolved(Map<String, Object> configuration, Map<String, Map<String, Object>> secrets) {
        this.configuration = new Settings(configuration);
        this.secrets = secrets;
        this.substitution = Substitution.of(configuration, secrets);
    }

    /** Something to do when the run is over (release a lock), after undo and rollbacks. */
    void onEnd(Runnable action) {
        endings.add(action);
    }

    void end() {
        endings.forEach(Runnable::run);
    }

    Settings configuration() {
        return configuration;
    }

    Map<String, Map<String, Object>> secrets() {
        return secrets;
    }

    Substitution substitution() {
        return substitution;
    }
}
