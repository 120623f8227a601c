package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The CI templates under docs/ci/ parse, trigger on the game day's schedule and on demand, keep their
 * reports when the game day fails, turn each exit code into the right job result, and call only
 * faultline subcommands that exist. Their shell steps run here for real, with a stub in place of
 * ./faultline that ends with each exit code.
 */
class CiTemplatesTest {

    private static final Path GITHUB = Path.of("docs/ci/github-actions-gameday.yml");
    private static final Path GITLAB = Path.of("docs/ci/gitlab-ci-gameday.yml");

    /** Subcommands the templates may call. gameday, report and slo are specified in docs/gamedays.md and docs/ci.md. */
    static final Set<String> KNOWN = Set.of("run", "validate", "rollback", "abort", "functions", "schema", "gameday", "report", "slo");

    /**
     * Known subcommands the command line does not have yet. Each one must leave this set as soon as it
     * exists, so the templates are then parsed against its real options.
     */
    static final Set<String> PENDING = Set.of("gameday", "report", "slo");

    @TempDir
    Path work;

    private static JsonNode yaml(Path file) throws Exception {
        return Manifests.YAML.readTree(Files.readString(Manifests.root().resolve(file)));
    }

    private static String schedule() throws Exception {
        return yaml(Path.of("experiments/gamedays/staging.yaml")).path("schedule").asText();
    }

    private static JsonNode githubJob() throws Exception {
        JsonNode jobs = yaml(GITHUB).path("jobs");
        assertThat(jobs.size()).isEqualTo(1);
        return jobs.elements().next();
    }

    private static JsonNode githubStep(String name) throws Exception {
        for (JsonNode step : githubJob().path("steps")) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step named [" + name + "] in " + GITHUB);
    }

    private static JsonNode gitlabJob() throws Exception {
        return yaml(GITLAB).path("gameday:staging");
    }

    @Test
    void githubWorkflowRunsOnTheGameDayScheduleAndOnDemand() throws Exception {
        JsonNode on = yaml(GITHUB).path("on");
        assertThat(on.path("schedule").get(0).path("cron").asText()).isEqualTo(schedule());
        assertThat(on.path("workflow_dispatch").path("inputs").path("gameday").path("default").asText())
                .isEqualTo("experiments/gamedays/staging.yaml");
        assertThat(on.path("workflow_dispatch").path("inputs").path("fail-on-deviation").path("type").asText()).isEqualTo("boolean");
        assertThat(yaml(GITHUB).path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    }

    @Test
    void githubWorkflowSetsUpJava17AndPassesSecretsAsEnvironment() throws Exception {
        JsonNode setup = null;
        for (JsonNode step : githubJob().path("steps")) {
            if (step.path("uses").asText().startsWith("actions/setup-java@")) {
                setup = step;
            }
        }
        assertThat(setup).as("an actions/setup-java step").isNotNull();
        assertThat(setup.path("with").path("java-version").asText()).isEqualTo("17");
        JsonNode env = githubJob().path("env");
        for (String name : List.of("STOREFRONT_URL", "INVENTORY_URL", "PROMETHEUS_URL")) {
            assertThat(env.path(name).asText()).startsWith("${{ secrets.");
        }
    }

    @Test
    void githubWorkflowPublishesReportsAndSummaryEvenWhenTheGameDayFails() throws Exception {
        JsonNode upload = githubStep("Upload reports");
        assertThat(upload.path("uses").asText()).startsWith("actions/upload-artifact@");
        assertThat(upload.path("with").path("path").asText()).isEqualTo("out/gameday");
        JsonNode junit = githubStep("Publish JUnit results");
        assertThat(junit.path("with").path("report_paths").asText()).isEqualTo("out/gameday/junit.xml");
        assertThat(githubStep("Summary").path("run").asText()).contains("summary.md").contains("$GITHUB_STEP_SUMMARY");
        for (String step : List.of("Upload reports", "Publish JUnit results", "Summary", "Outcome")) {
            assertThat(githubStep(step).path("if").asText()).as(step).isEqualTo("always()");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void githubStepsTurnEachExitCodeIntoAJobResult(int code) throws Exception {
        Shell shell = Shell.withStubs(work, code);
        Path output = work.resolve("github_output");
        Path summary = work.resolve("step_summary");
        Map<String, String> env = Map.of("GAMEDAY", "experiments/gamedays/staging.yaml", "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString());

        Shell.Result plan = shell.run(githubStep("Check the plan").path("run").asText(), env);
        assertThat(plan.code()).as(plan.output()).isZero();
        Shell.Result run = shell.run(githubStep("Run the game day").path("run").asText(), env);
        assertThat(run.code()).as("the run step itself never fails: " + run.output()).isZero();
        assertThat(Files.readString(output)).isEqualTo("code=" + code + "\n");
        assertThat(shell.run(githubStep("Summary").path("run").asText(), env).code()).isZero();
        assertThat(Files.readString(summary)).contains("stub summary for exit " + code);

        Shell.Result outcome = shell.run(githubStep("Outcome").path("run").asText(),
                Map.of("CODE", String.valueOf(code), "FAIL_ON_DEVIATION", "true"));
        if (code == 0) {
            assertThat(outcome.code()).isZero();
            assertThat(outcome.output()).startsWith("::notice ");
        } else {
            assertThat(outcome.code()).as(outcome.output()).isEqualTo(1);
            assertThat(outcome.output()).startsWith("::error ").contains("(exit " + code + ")");
        }
    }

    @Test
    void githubDeviationOnlyWarnsWhenTheDispatchInputSaysSo() throws Exception {
        Shell.Result outcome = Shell.withStubs(work, 1).run(githubStep("Outcome").path("run").asText(),
                Map.of("CODE", "1", "FAIL_ON_DEVIATION", "false"));
        assertThat(outcome.code()).isZero();
        assertThat(outcome.output()).startsWith("::warning ").contains("(exit 1)");
        Shell.Result missing = Shell.withStubs(work, 0).run(githubStep("Outcome").path("run").asText(),
                Map.of("CODE", "", "FAIL_ON_DEVIATION", "true"));
        assertThat(missing.code()).isEqualTo(1);
    }

    @Test
    void gitlabJobRunsOnSchedulesAndKeepsArtifactsAndJunitAlways() throws Exception {
        JsonNode job = gitlabJob();
        assertThat(job.isObject()).as("job gameday:staging in %s", GITLAB).isTrue();
        assertThat(job.path("rules").toString()).contains("$CI_PIPELINE_SOURCE == \\\"schedule\\\"");
        assertThat(job.path("image").asText()).contains("temurin-17");
        JsonNode artifacts = job.path("artifacts");
        assertThat(artifacts.path("when").asText()).isEqualTo("always");
        assertThat(artifacts.path("paths").get(0).asText()).isEqualTo("out/gameday/");
        assertThat(artifacts.path("reports").path("junit").asText()).isEqualTo("out/gameday/junit.xml");
        assertThat(job.path("resource_group").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void gitlabScriptEndsWithTheGameDaysExitCodeAndPrintsTheSummary(int code) throws Exception {
        String script = String.join("\n", texts(gitlabJob().path("script")));
        Shell.Result result = Shell.withStubs(work, code).run(script,
                Map.of("GAMEDAY", gitlabJob().path("variables").path("GAMEDAY").asText()));
        assertThat(result.code()).as(result.output()).isEqualTo(code);
        assertThat(result.output()).contains("stub summary for exit " + code);
    }

    @Test
    void cancellingTheGithubStepLetsTheGameDayUndoItsFaults() throws Exception {
        Path output = work.resolve("github_output");
        Shell shell = Shell.withStubs(work, 0);
        Process step = shell.start(githubStep("Run the game day").path("run").asText(), Map.of(
                "GAMEDAY", "g.yaml", "GITHUB_OUTPUT", output.toString(), "STUB_UNTIL_SIGTERM", "1"));
        interruptOnceStarted(step, work.resolve("out/gameday"));
        Shell.Result result = Shell.finish(step, "Run the game day");
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(work.resolve("out/gameday/undone")).as("the game day saw SIGTERM").exists();
        assertThat(Files.readString(output)).isEqualTo("code=3\n");
    }

    @Test
    void cancellingTheGitlabJobLetsTheGameDayUndoItsFaults() throws Exception {
        String script = String.join("\n", texts(gitlabJob().path("script")));
        Process job = Shell.withStubs(work, 0).start(script, Map.of("GAMEDAY", "g.yaml", "STUB_UNTIL_SIGTERM", "1"));
        interruptOnceStarted(job, work.resolve("out/gameday"));
        Shell.Result result = Shell.finish(job, "gameday:staging");
        assertThat(work.resolve("out/gameday/undone")).as("the game day saw SIGTERM").exists();
        assertThat(result.code()).as(result.output()).isEqualTo(3);
    }

    private static void interruptOnceStarted(Process shell, Path out) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(out.resolve("started"))) {
            assertThat(shell.isAlive()).as("the step ended before the game day started").isTrue();
            assertThat(System.nanoTime()).as("the game day did not start within 20 s").isLessThan(deadline);
            shell.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        Shell.signal(shell, "INT");
    }

    @Test
    void everyFaultlineInvocationIsAKnownSubcommand() throws Exception {
        List<List<String>> calls = invocations();
        assertThat(calls).extracting(c -> c.get(0)).contains("gameday");
        assertThat(calls).allSatisfy(c -> assertThat(KNOWN).as("subcommand of ./faultline %s", c).contains(c.get(0)));
    }

    @Test
    void everyInvocationParsesWithTheRealCommandLineOnceItsSubcommandExists() throws Exception {
        CommandLine cli = new CommandLine(new Main());
        Set<String> existing = cli.getSubcommands().keySet();
        for (String pending : PENDING) {
            if (existing.contains(pending)) {
                fail("`faultline " + pending + "` exists now: remove [" + pending + "] from CiTemplatesTest.PENDING so the"
                        + " CI templates are checked against its real options");
            }
        }
        for (List<String> call : invocations()) {
            if (PENDING.contains(call.get(0))) {
                continue;
            }
            assertThat(existing).as("./faultline %s", call).contains(call.get(0));
            try {
                new CommandLine(new Main()).parseArgs(call.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail("./faultline " + String.join(" ", call) + " does not parse: " + e.getMessage());
            }
        }
    }

    @Test
    void invocationsAreReadFromContinuedLinesAndStopAtShellOperators() {
        assertThat(Invocations.in("x=1; ./faultline gameday run \"$G\" \\\n  --out out/g || code=$?\n./faultline --help"))
                .containsExactly(List.of("gameday", "run", "$G", "--out", "out/g"), List.of("--help"));
    }

    private static List<List<String>> invocations() throws Exception {
        List<String> scripts = new ArrayList<>();
        githubJob().path("steps").forEach(step -> scripts.add(step.path("run").asText()));
        JsonNode gitlab = yaml(GITLAB);
        gitlab.fields().forEachRemaining(job -> {
            for (String key : List.of("before_script", "script", "after_script")) {
                scripts.addAll(texts(job.getValue().path(key)));
            }
        });
        List<List<String>> out = new ArrayList<>();
        scripts.forEach(s -> out.addAll(Invocations.in(s)));
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }
}
