package dev.faultline.engine;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.experiment.Experiment;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos Toolkit {@code chaosaddons.controls.safeguards} run as Faultline guards: checked before the
 * run (refusing it), and during the run (aborting it, with the guard journaled and faults undone).
 */
class SafeguardsTest {

    @TempDir
    Path dir;

    private final TestDriver driver = new TestDriver();
    private final DriverRegistry registry = DriverRegistry.of(driver);

    private Experiment load(String safeguard, String method) {
        LoadResult result = new ExperimentLoader(registry).load(dir.resolve("x.yaml"), """
                title: t
                description: d
                controls:
                  - name: safeguard
                    provider:
                      type: python
                      module: chaosaddons.controls.safeguards
                      arguments:
                        probes:
                          - %s
                method:
                %s
                """.formatted(safeguard, method), LoadOptions.forRun());
        assertThat(result.errors()).isEmpty();
        return result.experiment();
    }

    private RunResult run(Experiment experiment) {
        return new Engine(registry).run(experiment, RunOptions.defaults().withLedger(dir.resolve("ledger.jsonl"), false), new StopSignal());
    }

    @Test
    void aSafeguardWithoutFrequencyIsCheckedBeforeTheRunAndRefusesIt() {
        driver.active.add("break");
        RunResult result = run(load("{name: healthy, type: probe, tolerance: true, provider: {type: test, func: healthy}}",
                "  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}"));
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.faults()).isEmpty();
        assertThat(result.journal().at("/faultline/refusal/verdicts/0/reason").asText()).contains("healthy");
    }

    @Test
    void aFrequentSafeguardAbortsTheRunWhenItMissesAndFaultsAreUndone() {
        Experiment experiment = load("{name: healthy, type: probe, frequency: 0.1, tolerance: true, provider: {type: test, func: healthy}}", """
                  - {type: action, name: inject, provider: {type: test, func: inject, arguments: {fault: slow}}}
                  - {type: action, name: break, provider: {type: test, func: inject, arguments: {fault: break}}}
                  - {type: probe, name: wait, provider: {type: test, func: sleep, arguments: {seconds: 30}}}
                """);
        Instant start = Instant.now();
        RunResult result = run(experiment);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.journal().path("status").asText()).isEqualTo("aborted");
        assertThat(result.journal().at("/faultline/abort/by").asText()).isEqualTo("guard");
        assertThat(result.journal().at("/faultline/abort/guard").asText()).isEqualTo("safeguard/healthy");
        assertThat(result.journal().at("/faultline/abort/breach_detected_at").asText()).isNotEmpty();
        assertThat(result.journal().at("/faultline/guards/checks")).isNotEmpty();
        assertThat(driver.active).isEmpty();
        result.journal().at("/faultline/faults").forEach(f -> assertThat(f.at("/undo/by").asText()).isEqualTo("abort"));
    }
}
