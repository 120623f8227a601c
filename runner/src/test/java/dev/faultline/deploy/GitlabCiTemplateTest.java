package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.faultline.deploy.CiTemplates.gitlabJob;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitLab CI template runs on schedules, keeps its artifacts and JUnit report whatever happens and
 * ends with the game day's exit code. Its script runs here for real, with stubs for ./faultline and mvn.
 */
class GitlabCiTemplateTest {

    @TempDir
    Path work;

    @Test
    void runsOnSchedulesAndKeepsArtifactsAndJunitAlways() throws Exception {
        JsonNode job = gitlabJob();
        assertThat(job.path("rules").findValuesAsText("if")).contains("$CI_PIPELINE_SOURCE == \"schedule\"");
        assertThat(job.path("image").asText()).contains("temurin-17");
        JsonNode artifacts = job.path("artifacts");
        assertThat(artifacts.path("when").asText()).isEqualTo("always");
        assertThat(artifacts.path("paths").get(0).asText()).isEqualTo("out/gameday/");
        assertThat(artifacts.path("reports").path("junit").asText()).isEqualTo("out/gameday/junit.xml");
        assertThat(job.path("resource_group").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void scriptEndsWithTheGameDaysExitCodeAndPrintsTheSummary(int code) throws Exception {
        String script = String.join("\n", CiTemplates.texts(gitlabJob().path("script")));
        Shell.Result result = Shell.withStubs(work, code).run(script,
                Map.of("GAMEDAY", gitlabJob().path("variables").path("GAMEDAY").asText()));
        assertThat(result.code()).as(result.output()).isEqualTo(code);
        assertThat(result.output()).contains("stub summary for exit " + code);
    }

    @Test
    void cancellingTheJobLetsTheGameDayUndoItsFaults() throws Exception {
        String script = String.join("\n", CiTemplates.texts(gitlabJob().path("script")));
        Process job = Shell.withStubs(work, 0).start(script, Map.of("GAMEDAY", "g.yaml", "STUB_UNTIL_SIGTERM", "1"));
        CiTemplates.interruptOnceStarted(job, work.resolve("out/gameday"));
        Shell.Result result = Shell.finish(job, "gameday:staging");
        assertThat(work.resolve("out/gameday/undone")).as("the game day saw SIGTERM").exists();
        assertThat(result.code()).as(result.output()).isEqualTo(3);
    }
}
