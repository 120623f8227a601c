package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI templates under docs/ci/, read as YAML, and their shell scripts. */
final class CiTemplates {

    static final Path GITHUB = Path.of("docs/ci/github-actions-gameday.yml");
    static final Path GITLAB = Path.of("docs/ci/gitlab-ci-gameday.yml");
    static final Path GAMEDAY = Path.of("experiments/gamedays/staging.yaml");

    private CiTemplates() {
    }

    static JsonNode yaml(Path file) throws Exception {
        return Manifests.YAML.readTree(Files.readString(Manifests.root().resolve(file)));
    }

    /** The game day's {@code schedule}, which every template's cron must equal. */
    static String schedule() throws Exception {
        return yaml(GAMEDAY).path("schedule").asText();
    }

    static JsonNode githubJob() throws Exception {
        JsonNode jobs = yaml(GITHUB).path("jobs");
        assertThat(jobs.size()).isEqualTo(1);
        return jobs.elements().next();
    }

    static JsonNode githubStep(String name) throws Exception {
        for (JsonNode step : githubJob().path("steps")) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step named [" + name + "] in " + GITHUB);
    }

    static JsonNode gitlabJob() throws Exception {
        JsonNode job = yaml(GITLAB).path("gameday:staging");
        assertThat(job.isObject()).as("job gameday:staging in %s", GITLAB).isTrue();
        return job;
    }

    /** Every shell script of both templates: GitHub {@code run} steps, GitLab (before_/after_)scripts. */
    static List<String> scripts() throws Exception {
        List<String> scripts = new ArrayList<>();
        githubJob().path("steps").forEach(step -> scripts.add(step.path("run").asText()));
        yaml(GITLAB).fields().forEachRemaining(job -> {
            for (String key : List.of("before_script", "script", "after_script")) {
                scripts.addAll(texts(job.getValue().path(key)));
            }
        });
        return scripts;
    }

    static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Waits until the stub game day under {@code out} has started, then interrupts the shell as a CI runner cancelling it does. */
    static void interruptOnceStarted(Process shell, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(out.resolve("started"))) {
            assertThat(shell.isAlive()).as("the step ended before the game day started").isTrue();
            assertThat(System.nanoTime()).as("the game day did not start within 20 s").isLessThan(deadline);
            shell.waitFor(20, TimeUnit.MILLISECONDS);
        }
        Shell.signal(shell, "INT");
    }
}
