package dev.faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The command line end to end against a real HTTP service: exit codes, journal, reports, errors. */
class RunCommandIT {

    @TempDir
    Path dir;

    private HttpTarget target;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        target = HttpTarget.start();
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private int faultline(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path experiment(String method) throws Exception {
        return Files.writeString(dir.resolve("e.yaml"), """
                title: Health holds
                description: CLI test
                configuration: {base_url: "http://127.0.0.1:1"}
                steady-state-hypothesis:
                  title: healthy
                  probes:
                    - {type: probe, name: health, tolerance: 200, provider: {type: http, url: "${base_url}/health", timeout: 2}}
                method:
                %s
                rollbacks:
                  - {type: action, name: repair, provider: {type: http, method: POST, url: "${base_url}/repair"}}
                """.formatted(method));
    }

    private String[] run(Path file, String... extra) {
        String[] base = {"run", file.toString(), "--journal", dir.resolve("j.json").toString(), "--ledger",
                dir.resolve("ledger.jsonl").toString(), "--var", "base_url=" + target.baseUrl(),
                "--junit", dir.resolve("j.xml").toString(), "--markdown", dir.resolve("j.md").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void heldExitsZeroAndWritesJournalAndReports() throws Exception {
        Path file = experiment("  - {type: probe, name: look, provider: {type: http, url: \"${base_url}/status/204\"}}");
        assertThat(faultline(run(file))).as(err.toString()).isZero();
        JsonNode journal = new ObjectMapper().readTree(dir.resolve("j.json").toFile());
        assertThat(journal.at("/faultline/outcome").asText()).isEqualTo("held");
        assertThat(journal.at("/faultline/environment/command").asText()).contains("run");
        assertThat(dir.resolve("j.html")).exists();
        assertThat(Files.readString(dir.resolve("j.html"))).contains("Health holds");
        assertThat(Files.readString(dir.resolve("j.xml"))).contains("<testsuite");
        assertThat(Files.readString(dir.resolve("j.md"))).contains("Health holds");
        assertThat(out.toString()).contains("outcome: held (exit 0");
    }

    @Test
    void deviatedExitsOne() throws Exception {
        Path file = experiment("  - {type: action, name: break, provider: {type: http, method: POST, url: \"${base_url}/break\"}}");
        assertThat(faultline(run(file))).isEqualTo(1);
        assertThat(target.requests()).isGreaterThan(2);
    }

    @Test
    void notMetBeforeExitsFiveAndInjectsNothing() throws Exception {
        target.healthy(false);
        Path file = experiment("  - {type: action, name: break, provider: {type: http, method: POST, url: \"${base_url}/break\"}}");
        assertThat(faultline(run(file))).isEqualTo(5);
        JsonNode journal = new ObjectMapper().readTree(dir.resolve("j.json").toFile());
        assertThat(journal.path("run")).isEmpty();
        assertThat(journal.path("rollbacks")).isEmpty();
    }

    @Test
    void invalidInputExitsTwoWithEveryProblemAndRunsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                title: t
                method:
                  - {type: action, name: a, provider: {type: http, method: POST, url: "%s/break"}}
                  - {type: acton, name: b, provider: {type: http, url: "%s"}}
                """.formatted(target.baseUrl(), target.baseUrl()));
        assertThat(faultline("run", file.toString(), "--journal", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:1:1: error: the experiment has no `description`")
                .contains("bad.yaml:4:").contains("[acton]").contains("2 errors").doesNotContain("Exception");
        assertThat(target.requests()).isZero();
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path file = experiment("  []");
        assertThat(faultline("run", file.toString(), "--dry", "everything")).isEqualTo(2);
        assertThat(err.toString()).contains("--dry [everything]");
        assertThat(faultline("run", file.toString(), "--var", "novalue")).isEqualTo(2);
        assertThat(faultline("run", "--no-such-option")).isEqualTo(2);
        assertThat(faultline("validate", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: error: file not found");
    }

    @Test
    void reportRendersJournalsAndRejectsOtherFiles() throws Exception {
        Path file = experiment("  []");
        faultline(run(file, "--no-report"));
        assertThat(dir.resolve("j.html")).doesNotExist();
        assertThat(faultline("report", dir.resolve("j.json").toString(), "-o", dir.resolve("r.html").toString())).isZero();
        assertThat(dir.resolve("r.html")).exists();
        assertThat(faultline("report", file.toString(), "-o", dir.resolve("r2.html").toString())).isEqualTo(2);
        assertThat(dir.resolve("r2.html")).doesNotExist();
    }
}
