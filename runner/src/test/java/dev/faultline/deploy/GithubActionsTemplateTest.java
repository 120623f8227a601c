package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.faultline.deploy.CiTemplates.GITHUB;
import static dev.faultline.deploy.CiTemplates.githubJob;
import static dev.faultline.deploy.CiTemplates.githubStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions template triggers on the game day's schedule and on demand, keeps its reports
 * when the game day fails and turns each exit code into the job result. Its shell steps run here for
 * real, with a stub in place of ./faultline that ends with each exit code.
 */
class GithubActionsTemplateTest {

    @TempDir
    Path work;

    @Test
    void runsOnTheGameDayScheduleAndOnDemandOneAtATime() throws Exception {
        JsonNode workflow = CiTemplates.yaml(GITHUB);
        JsonNode on = workflow.path("on");
        assertThat(on.path("schedule").get(0).path("cron").asText()).isEqualTo(CiTemplates.schedule());
        assertThat(on.path("workflow_dispatch").path("inputs").path("gameday").path("default").asText())
                .isEqualTo(CiTemplates.GAMEDAY.toString());
        assertThat(on.path("workflow_dispatch").path("inputs").path("fail-on-deviation").path("type").asText()).isEqualTo("boolean");
        assertThat(workflow.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    }

    @Test
    void setsUpJava17AndPassesSecretsAsEnvironment() throws Exception {
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
    void publishesReportsAndSummaryEvenWhenTheGameDayFails() throws Exception {
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
    void stepsTurnEachExitCodeIntoAJobResult(int code) throws Exception {
        Shell shell = Shell.withStubs(work, code);
        Path output = work.resolve("github_output");
        Path summary = work.resolve("step_summary");
        Map<String, String> env = Map.of("GAMEDAY", CiTemplates.GAMEDAY.toString(), "GITHUB_OUTPUT", output.toString(),
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
    void deviationOnlyWarnsWhenTheDispatchInputSaysSoAndAMissingCodeFails() throws Exception {
        Shell.Result outcome = Shell.withStubs(work, 1).run(githubStep("Outcome").path("run").asText(),
                Map.of("CODE", "1", "FAIL_ON_DEVIATION", "false"));
        assertThat(outcome.code()).isZero();
        assertThat(outcome.output()).startsWith("::warning ").contains("(exit 1)");
        Shell.Result missing = Shell.withStubs(work, 0).run(githubStep("Outcome").path("run").asText(),
                Map.of("CODE", "", "FAIL_ON_DEVIATION", "true"));
        assertThat(missing.code()).isEqualTo(1);
    }

    @Test
    void cancellingTheStepLetsTheGameDayUndoItsFaults() throws Exception {
        Path output = work.resolve("github_output");
        Process step = Shell.withStubs(work, 0).start(githubStep("Run the game day").path("run").asText(), Map.of(
                "GAMEDAY", "g.yaml", "GITHUB_OUTPUT", output.toString(), "STUB_UNTIL_SIGTERM", "1"));
        CiTemplates.interruptOnceStarted(step, work.resolve("out/gameday"));
        Shell.Result result = Shell.finish(step, "Run the game day");
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(work.resolve("out/gameday/undone")).as("the game day saw SIGTERM").exists();
        assertThat(Files.readString(output)).isEqualTo("code=3\n");
    }
}
