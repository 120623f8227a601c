package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.testkit.HttpTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faultline gameday run|plan} against a real HTTP service: ordering, continuation rules, outputs, exit codes. */
class GameDayIT {

    @TempDir
    Path dir;

    private HttpTarget target;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        target = HttpTarget.start();
        write("held.yaml", "  - {type: probe, name: look, provider: {type: http, url: \"${base_url}/status/200\"}}");
        write("deviates.yaml", "  - {type: action, name: break, provider: {type: http, method: POST, url: \"${base_url}/break\"}}");
        write("repairs.yaml", "  - {type: action, name: repair, provider: {type: http, method: POST, url: \"${base_url}/repair\"}}");
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private void write(String name, String method) throws Exception {
        Files.writeString(dir.resolve(name), """
                title: %s
                description: game day test
                steady-state-hypothesis:
                  title: healthy
                  probes:
                    - {type: probe, name: health, tolerance: 200, provider: {type: http, url: "${base_url}/health", timeout: 2}}
                method:
                %s
                """.formatted(name, method));
    }

    private Path gameDay(String onDeviation, String... entries) throws Exception {
        return Files.writeString(dir.resolve("day.yaml"), """
                name: test day
                on-deviation: %s
                configuration:
                  base_url: {type: env, key: FAULTLINE_TEST_BASE_URL_SURELY_UNSET, default: "%s"}
                experiments:
                %s
                """.formatted(onDeviation, target.baseUrl(), String.join("\n", entries)));
    }

    private int faultline(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theExitCodeIsTheWorstOutcomeAndEveryOutputIsWritten() throws Exception {
        Path day = gameDay("continue", "  - {path: held.yaml, expect: held}", "  - {path: deviates.yaml, expect: deviated}",
                "  - path: repairs.yaml");
        Path outDir = dir.resolve("out");
        int code = faultline("gameday", "run", day.toString(), "--out", outDir.toString(), "--ledger", dir.resolve("l.jsonl").toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(5);
        assertThat(outDir.resolve("01-held.journal.json")).exists();
        assertThat(new ObjectMapper().readTree(outDir.resolve("02-deviates.journal.json").toFile()).at("/faultline/outcome").asText())
                .isEqualTo("deviated");
        assertThat(new ObjectMapper().readTree(outDir.resolve("03-repairs.journal.json").toFile()).at("/faultline/outcome").asText())
                .as("the service stayed broken, so the third experiment's steady state is not met").isEqualTo("not-met");
        assertThat(outDir.resolve("index.html")).exists();
        assertThat(Files.readString(outDir.resolve("junit.xml"))).contains("<testsuites");
        assertThat(outDir.resolve("summary.md")).exists();
        assertThat(out.toString()).contains("as expected").contains("game day outcome: not-met (exit 5)");
    }

    @Test
    void onDeviationStopSkipsTheRestAndSaysSo() throws Exception {
        Path day = gameDay("stop", "  - path: deviates.yaml", "  - path: held.yaml");
        Path outDir = dir.resolve("out");
        assertThat(faultline("gameday", "run", day.toString(), "--out", outDir.toString(), "--ledger", dir.resolve("l.jsonl").toString()))
                .isEqualTo(1);
        assertThat(outDir.resolve("02-held.journal.json")).doesNotExist();
        assertThat(Files.readString(outDir.resolve("index.html"))).contains("NOT RUN").contains("on-deviation: stop");
        assertThat(Files.readString(outDir.resolve("summary.md"))).contains("Not run");
    }

    @Test
    void anInvalidExperimentMeansNothingRuns() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "title: broken\nmethod: []\n");
        Path day = gameDay("continue", "  - path: deviates.yaml", "  - path: broken.yaml");
        assertThat(faultline("gameday", "run", day.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.yaml").contains("`description`").contains("nothing was run");
        assertThat(target.requests()).isZero();
    }

    @Test
    void unknownFieldsAndMissingEnvironmentVariablesAreInvalid() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "name: x\nexperimnts: []\n");
        assertThat(faultline("gameday", "run", dir.resolve("typo.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown field [experimnts]");
        Files.writeString(dir.resolve("env.yaml"), """
                name: x
                experiments:
                  - path: held.yaml
                    vars: {base_url: {type: env, key: FAULTLINE_TEST_SURELY_UNSET_VARIABLE}}
                """);
        assertThat(faultline("gameday", "plan", dir.resolve("env.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("FAULTLINE_TEST_SURELY_UNSET_VARIABLE");
    }

    @Test
    void planShowsWhatWouldRunAndRunsNothing() throws Exception {
        Path day = gameDay("continue", "  - {path: deviates.yaml, expect: deviated}");
        assertThat(faultline("gameday", "plan", day.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1. deviates.yaml").contains("expect: deviated").contains("action break: POST");
        assertThat(target.requests()).isZero();
    }
}
