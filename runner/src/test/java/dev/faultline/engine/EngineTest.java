package dev.faultline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.RollbackStrategy;
import dev.faultline.ledger.FaultLedger;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    @TempDir
    Path dir;

    private final TestDriver driver = new TestDriver();
    private final DriverRegistry registry = DriverRegistry.of(driver);

    private static final String HYPOTHESIS = """
            steady-state-hypothesis:
              title: healthy
              probes:
                - {type: probe, name: healthy, tolerance: true, provider: {type: test, func: healthy}}
            """;

    private Experiment load(String yaml) {
        LoadResult result = new ExperimentLoader(registry).load(dir.resolve("x.yaml"), "title: t\ndescription: d\n" + yaml, LoadOptions.forRun());
        assertThat(result.errors()).isEmpty();
        return result.experiment();
    }

    private RunResult run(Experiment experiment, RunOptions options, StopSignal stop) {
        return new Engine(registry).run(experiment, options.withLedger(dir.resolve("ledger.jsonl"), false), stop);
    }

    private RunResult run(String yaml) {
        return run(load(yaml), RunOptions.defaults(), new StopSignal());
    }

    @Test
    void heldWhenTheSteadyStateSurvivesAFaultAndTheFaultIsUndone() {
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: harmless, provider: {type: test, func: inject, arguments: {fault: slow}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        assertThat(result.exitCode()).isZero();
        assertThat(driver.active).isEmpty();
        JsonNode journal = result.journal();
        assertThat(journal.path("status").asText()).isEqualTo("completed");
        assertThat(journal.path("deviated").asBoolean()).isFalse();
        assertThat(journal.at("/faultline/faults/0/undo/status").asText()).isEqualTo("undone");
        assertThat(journal.at("/faultline/faults/0/evidence/0/ok").asBoolean()).isTrue();
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).isEmpty();
    }

    @Test
    void anIrreversibleFaultWhoseEvidenceCameLaterIsDatedFromItsStart() {
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: attack, provider: {type: test, func: attack, arguments: {seconds: 0.4}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        JsonNode journal = result.journal();
        assertThat(journal.at("/faultline/faults/0/undo/status").asText()).isEqualTo("irreversible");
        Instant injected = Instant.parse(journal.at("/faultline/faults/0/injected_at").asText());
        Instant activityStart = Instant.parse(journal.at("/run/0/start").asText() + "Z");
        Instant activityEnd = Instant.parse(journal.at("/run/0/end").asText() + "Z");
        assertThat(injected).as("injected_at of a 0.4 s attack").isBetween(activityStart, activityEnd.minusMillis(350));
    }

    @Test
    void deviatedWhenTheFaultBreaksTheSteadyState() {
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: break-it, provider: {type: test, func: inject, arguments: {fault: break}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.journal().path("deviated").asBoolean()).isTrue();
        assertThat(result.journal().at("/steady_states/after/probes/0/tolerance_met").asBoolean()).isFalse();
        assertThat(driver.active).isEmpty();
    }

    @Test
    void notMetBeforeTheMethodInjectsNothingAndSkipsRollbacks() {
        driver.active.add("break");
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                rollbacks:
                  - {type: action, name: rollback, provider: {type: test, func: value, arguments: {value: 1}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.journal().path("run")).isEmpty();
        assertThat(result.journal().path("rollbacks")).isEmpty();
        assertThat(result.faults()).isEmpty();
        assertThat(result.journal().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void aFailedActionIsAnErrorAndEarlierFaultsAreStillUndone() {
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: first, provider: {type: test, func: inject, arguments: {fault: a}}}
                  - {type: action, name: broken, provider: {type: test, func: fail, arguments: {message: cannot reach}}}
                  - {type: action, name: never, provider: {type: test, func: inject, arguments: {fault: b}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(driver.active).isEmpty();
        assertThat(result.journal().path("run")).hasSize(2);
        assertThat(result.journal().at("/run/1/exception/0").asText()).isEqualTo("cannot reach");
        assertThat(result.journal().at("/faultline/error/message").asText()).contains("broken").contains("cannot reach");
    }

    @Test
    void aFaultThatDidNotTakeEffectIsAnErrorNotASilentNoOp() {
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: noop, provider: {type: test, func: inject-no-effect, arguments: {fault: x}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.journal().at("/run/0/exception/0").asText()).contains("did not take effect");
        assertThat(result.journal().at("/faultline/faults/0/evidence/0/ok").asBoolean()).isFalse();
    }

    @Test
    void anActivityTimeoutIsEnforced() {
        Instant start = Instant.now();
        RunResult result = run("""
                method:
                  - {type: probe, name: slow, timeout: 0.3, provider: {type: test, func: sleep, arguments: {seconds: 30}}}
                """);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(result.journal().at("/run/0/status").asText()).isEqualTo("failed");
        assertThat(result.journal().at("/run/0/exception/0").asText()).contains("timed out");
        assertThat(result.journal().at("/faultline/activities/0/timed_out").asBoolean()).isTrue();
    }

    @Test
    void aSignalInterruptsTheRunningActivityUndoesFaultsAndStillRunsRollbacks() throws Exception {
        Experiment experiment = load(HYPOTHESIS + """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                  - {type: probe, name: wait, provider: {type: test, func: sleep, arguments: {seconds: 60}}}
                rollbacks:
                  - {type: action, name: cleanup, provider: {type: test, func: value, arguments: {value: cleaned}}}
                """);
        StopSignal stop = new StopSignal();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(() -> stop.request(StopSignal.Reason.signal("SIGTERM", Instant.now())), 500, TimeUnit.MILLISECONDS);
        Instant start = Instant.now();
        RunResult result = run(experiment, RunOptions.defaults(), stop);
        timer.shutdownNow();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(result.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.journal().path("status").asText()).isEqualTo("interrupted");
        assertThat(driver.active).isEmpty();
        assertThat(result.journal().at("/rollbacks/0/output").asText()).isEqualTo("cleaned");
        assertThat(result.journal().at("/faultline/abort/by").asText()).isEqualTo("signal");
        assertThat(result.journal().at("/faultline/faults/0/undo/by").asText()).isEqualTo("interrupt");
        assertThat(result.journal().at("/steady_states/after").isNull()).isTrue();
    }

    @Test
    void aFailedUndoIsAnErrorWhateverElseHappened() {
        driver.failUndo = true;
        RunResult result = run(HYPOTHESIS + """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                """);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.journal().at("/faultline/faults/0/undo/status").asText()).isEqualTo("failed");
        assertThat(result.journal().at("/faultline/error/message").asText()).contains("faultline rollback");
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).hasSize(1);
    }

    @Test
    void dryRunActivitiesAreJournaledAsSkippedNotSucceeded() {
        Experiment experiment = load(HYPOTHESIS + """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: break}}}
                """);
        RunResult result = run(experiment, RunOptions.defaults().withDry(DryRun.ACTIONS), new StopSignal());
        assertThat(result.journal().at("/run/0/status").asText()).isEqualTo("skipped");
        assertThat(result.journal().at("/run/0/output").isNull()).isTrue();
        assertThat(result.journal().at("/faultline/dry_run").asText()).isEqualTo("actions");
        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        assertThat(result.faults()).isEmpty();
        RunResult probes = run(experiment, RunOptions.defaults().withDry(DryRun.ACTIVITIES), new StopSignal());
        assertThat(probes.journal().at("/steady_states/before/probes/0/status").asText()).isEqualTo("skipped");
        assertThat(probes.journal().at("/steady_states/before/steady_state_met").isNull()).isTrue();
    }

    @Test
    void rollbackStrategiesDecideWhenDeclaredRollbacksRun() {
        String yaml = HYPOTHESIS + """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                rollbacks:
                  - {type: action, name: cleanup, provider: {type: test, func: value, arguments: {value: 1}}}
                """;
        Experiment experiment = load(yaml);
        assertThat(run(experiment, RunOptions.defaults(), new StopSignal()).journal().path("rollbacks")).hasSize(1);
        assertThat(run(experiment, RunOptions.defaults().withStrategies(null, RollbackStrategy.NEVER, null, false), new StopSignal())
                .journal().path("rollbacks")).isEmpty();
        assertThat(run(experiment, RunOptions.defaults().withStrategies(null, RollbackStrategy.DEVIATED, null, false), new StopSignal())
                .journal().path("rollbacks")).isEmpty();
    }

    @Test
    void continuousHypothesisDetectsADeviationDuringTheMethodAndFailFastStopsTheRun() {
        Experiment experiment = load(HYPOTHESIS + """
                method:
                  - {type: action, name: break, provider: {type: test, func: inject, arguments: {fault: break}}}
                  - {type: probe, name: wait, provider: {type: test, func: sleep, arguments: {seconds: 30}}}
                """);
        Instant start = Instant.now();
        RunResult result = run(experiment, RunOptions.defaults().withStrategies(HypothesisStrategy.CONTINUOUSLY, null,
                Duration.ofMillis(100), true), new StopSignal());
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(result.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(result.journal().path("deviated").asBoolean()).isTrue();
        assertThat(result.journal().at("/steady_states/during")).isNotEmpty();
        assertThat(driver.active).isEmpty();
    }

    @Test
    void hypothesisStrategiesDecideWhenTheSteadyStateIsChecked() {
        Experiment experiment = load(HYPOTHESIS + """
                method:
                  - {type: action, name: break, provider: {type: test, func: inject, arguments: {fault: break}}}
                  - {type: probe, name: wait, provider: {type: test, func: sleep, arguments: {seconds: 0.5}}}
                """);
        RunResult beforeOnly = run(experiment, RunOptions.defaults().withStrategies(HypothesisStrategy.BEFORE_METHOD_ONLY, null, null, false),
                new StopSignal());
        assertThat(beforeOnly.journal().at("/steady_states/before/steady_state_met").asBoolean()).isTrue();
        assertThat(beforeOnly.journal().at("/steady_states/after").isNull()).isTrue();
        assertThat(beforeOnly.outcome()).isEqualTo(Outcome.HELD);

        RunResult afterOnly = run(experiment, RunOptions.defaults().withStrategies(HypothesisStrategy.AFTER_METHOD_ONLY, null, null, false),
                new StopSignal());
        assertThat(afterOnly.journal().at("/steady_states/before").isNull()).isTrue();
        assertThat(afterOnly.outcome()).isEqualTo(Outcome.DEVIATED);

        RunResult duringOnly = run(experiment, RunOptions.defaults().withStrategies(HypothesisStrategy.DURING_METHOD_ONLY, null,
                Duration.ofMillis(50), false), new StopSignal());
        assertThat(duringOnly.journal().at("/steady_states/before").isNull()).isTrue();
        assertThat(duringOnly.journal().at("/steady_states/after").isNull()).isTrue();
        assertThat(duringOnly.journal().at("/steady_states/during")).isNotEmpty();
        assertThat(duringOnly.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(driver.active).isEmpty();
    }

    @Test
    void backgroundActivitiesRunAlongsideAndAreAwaited() {
        RunResult result = run("""
                method:
                  - {type: probe, name: bg, background: true, provider: {type: test, func: sleep, arguments: {seconds: 0.3}}}
                  - {type: probe, name: fg, provider: {type: test, func: value, arguments: {value: 2}}}
                """);
        assertThat(result.journal().path("run")).hasSize(2);
        assertThat(result.journal().findValuesAsText("status")).doesNotContain("failed");
    }

    @Test
    void refusesToStartWhileAnEarlierRunLeftFaultsOpenOnTheSameDriver() {
        driver.failUndo = true;
        String yaml = """
                method:
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                """;
        run(yaml);
        driver.failUndo = false;
        RunResult second = run(yaml);
        assertThat(second.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(second.journal().at("/faultline/refusal/verdicts/0/reason").asText()).contains("faultline rollback");
        assertThat(run(yaml).outcome()).isEqualTo(Outcome.REFUSED);
        RunResult rolled = new Engine(registry).run(load(yaml), RunOptions.defaults().withLedger(dir.resolve("ledger.jsonl"), true),
                new StopSignal());
        assertThat(rolled.journal().at("/faultline/refusal").toString()).isEqualTo("null");
        assertThat(rolled.outcome()).isEqualTo(Outcome.HELD);
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).isEmpty();
    }

    @Test
    void secretsNeverReachTheJournal() {
        Experiment experiment = load("""
                secrets:
                  api: {token: hunter2-secret}
                configuration:
                  api_password: p4ssw0rd-value
                method:
                  - {type: probe, name: echo, provider: {type: test, func: value, arguments: {value: "Bearer ${token}"}}}
                """);
        String journal = run(experiment, RunOptions.defaults(), new StopSignal()).journal().toString();
        assertThat(journal).doesNotContain("hunter2-secret").doesNotContain("p4ssw0rd-value").contains("Bearer ***");
    }
}
