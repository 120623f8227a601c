package dev.faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.ledger.FaultLedger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signals and the kill switch against a real {@code faultline} process: the running activity is
 * interrupted, the fault (a moved file) is undone, rollbacks run, the journal says what happened,
 * and the exit code is 3. After {@code kill -9}, {@code faultline rollback} undoes it instead.
 */
class SignalIT {

    @TempDir
    Path dir;

    private Path file;
    private Path moved;
    private Path marker;
    private Path experiment;

    private void writeExperiment() throws Exception {
        file = Files.writeString(dir.resolve("service.ini"), "mode=live\n");
        moved = dir.resolve("service.ini.hidden");
        marker = dir.resolve("rolled-back");
        experiment = Files.writeString(dir.resolve("experiment.yaml"), """
                title: Hide the configuration file while the service runs
                description: A reversible fault (a moved file) followed by a long wait.
                method:
                  - type: action
                    name: hide-config
                    provider: {type: python, module: os, func: rename, arguments: {src: "%s", dst: "%s"}}
                  - type: probe
                    name: long-wait
                    provider: {type: process, path: sleep, arguments: ["60"]}
                rollbacks:
                  - type: action
                    name: mark
                    provider: {type: process, path: touch, arguments: ["%s"]}
                """.formatted(file, moved, marker));
    }

    private FaultlineProcess runInBackground() throws Exception {
        FaultlineProcess process = FaultlineProcess.start(dir, Map.of(), "run", experiment.toString(),
                "--journal", dir.resolve("journal.json").toString(), "--ledger", dir.resolve("ledger.jsonl").toString());
        FaultlineProcess.await(() -> Files.exists(moved), Duration.ofSeconds(30), "the fault to be injected");
        // The signal must find the second activity running, not about to start.
        FaultlineProcess.await(() -> process.runs("sleep"), Duration.ofSeconds(30), "the long-wait probe to be running");
        return process;
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsTheRunUndoesTheFaultAndRunsRollbacks(String signal) throws Exception {
        writeExperiment();
        try (FaultlineProcess process = runInBackground()) {
            Instant sent = Instant.now();
            process.signal(signal);
            int code = process.waitFor(Duration.ofSeconds(30));
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(code).as(process.output()).isEqualTo(3);
        }
        assertThat(file).hasContent("mode=live");
        assertThat(moved).doesNotExist();
        assertThat(marker).exists();
        JsonNode journal = new ObjectMapper().readTree(dir.resolve("journal.json").toFile());
        assertThat(journal.path("status").asText()).isEqualTo("interrupted");
        assertThat(journal.at("/faultline/abort/reason").asText()).isEqualTo("received SIG" + signal);
        assertThat(journal.at("/run/1/exception/0").asText()).startsWith("interrupted");
        assertThat(journal.at("/faultline/faults/0/undo/status").asText()).isEqualTo("undone");
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).isEmpty();
    }

    @Test
    void theAbortCommandStopsARunningRun() throws Exception {
        writeExperiment();
        try (FaultlineProcess process = runInBackground();
             FaultlineProcess abort = FaultlineProcess.start(dir, Map.of(), "abort")) {
            assertThat(abort.waitFor(Duration.ofSeconds(30))).isZero();
            assertThat(abort.output()).contains("abort requested: pid " + process.pid());
            assertThat(process.waitFor(Duration.ofSeconds(30))).as(process.output()).isEqualTo(3);
        }
        JsonNode journal = new ObjectMapper().readTree(dir.resolve("journal.json").toFile());
        assertThat(journal.at("/faultline/abort/by").asText()).isEqualTo("abort-command");
        assertThat(file).exists();
    }

    @Test
    void afterKillMinusNineTheRollbackCommandUndoesWhatTheLedgerHoldsOpen() throws Exception {
        writeExperiment();
        try (FaultlineProcess process = runInBackground()) {
            process.signal("KILL");
            process.waitFor(Duration.ofSeconds(10));
        }
        assertThat(file).doesNotExist();
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).hasSize(1);
        try (FaultlineProcess refused = FaultlineProcess.start(dir, Map.of(), "run", experiment.toString(),
                "--journal", dir.resolve("second.json").toString(), "--ledger", dir.resolve("ledger.jsonl").toString())) {
            assertThat(refused.waitFor(Duration.ofSeconds(30))).as(refused.output()).isEqualTo(3);
            assertThat(refused.output()).contains("faultline rollback");
        }
        try (FaultlineProcess rollback = FaultlineProcess.start(dir, Map.of(), "rollback", "--ledger", dir.resolve("ledger.jsonl").toString())) {
            assertThat(rollback.waitFor(Duration.ofSeconds(30))).as(rollback.output()).isZero();
            assertThat(rollback.output()).contains("undone: 1, failed: 0");
        }
        assertThat(file).hasContent("mode=live");
        assertThat(new FaultLedger(dir.resolve("ledger.jsonl")).open()).isEmpty();
    }
}
