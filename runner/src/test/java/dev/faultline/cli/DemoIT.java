package dev.faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.testkit.DemoJars;
import dev.faultline.testkit.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faultline demo}, headless, end to end: the real demo services, Toxiproxy and Prometheus
 * are started, the demo game day runs, and afterwards the journals say what the demo promises and
 * nothing the demo started is still running.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDemoGameDayRunsAsExpectedAndLeavesNothingBehind() throws Exception {
        DemoJars.require("inventory");
        DemoJars.require("storefront");
        Path root = Workspace.repositoryRoot();
        Path out = dir.resolve("demo-out");
        Instant started = Instant.now();
        int code;
        String output;
        try (FaultlineProcess demo = FaultlineProcess.start(dir, Map.of(), List.of("-Dfaultline.home=" + root),
                "demo", "--out", out.toString())) {
            code = demo.waitFor(Duration.ofMinutes(5));
            output = demo.output();
        }
        assertThat(code).as(output).isZero();
        assertThat(output).contains("Output: " + out).doesNotContain("demo: skipping");

        JsonNode latency = journal(out, "01-inventory-latency");
        assertThat(latency.at("/faultline/outcome").asText()).isEqualTo("held");
        assertThat(latency.path("steady_states").path("during")).isNotEmpty();
        JsonNode down = journal(out, "02-inventory-down");
        assertThat(down.at("/faultline/outcome").asText()).isEqualTo("held");
        JsonNode budget = journal(out, "03-inventory-error-budget");
        assertThat(budget.at("/faultline/outcome").asText()).isEqualTo("aborted");
        assertThat(budget.at("/faultline/abort/guard").asText()).isEqualTo("burn-rate");
        JsonNode exceptions = journal(out, "04-inventory-exceptions");
        assertThat(exceptions.at("/faultline/outcome").asText()).isEqualTo("deviated");
        assertThat(exceptions.path("deviated").asBoolean()).isTrue();
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("junit.xml")).exists();
        for (JsonNode journal : List.of(latency, down, budget, exceptions)) {
            assertThat(journal.at("/faultline/faults")).isNotEmpty();
            journal.at("/faultline/faults").forEach(fault -> {
                assertThat(fault.at("/undo/status").asText()).as(fault.path("description").asText()).isEqualTo("undone");
                assertThat(fault.at("/evidence/0/ok").asBoolean()).isTrue();
            });
        }
        assertThat(leftovers(started)).as("processes the demo started").isEmpty();
    }

    private static JsonNode journal(Path out, String name) throws IOException {
        return JSON.readTree(out.resolve(name + ".journal.json").toFile());
    }

    private static List<String> leftovers(Instant since) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().startInstant().map(s -> s.isAfter(since)).orElse(false))
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains("inventory.jar") || c.contains("storefront.jar") || c.contains("toxiproxy")
                            || c.contains("go/bin/server") || c.contains("prometheus"))
                    .toList();
        }
    }
}
