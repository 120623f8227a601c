package dev.faultline.load;

import dev.faultline.driver.Drivers;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.ConfigValue;
import dev.faultline.experiment.HttpProvider;
import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.JsonPathTolerance;
import dev.faultline.experiment.ListTolerance;
import dev.faultline.experiment.NativeProvider;
import dev.faultline.experiment.ProcessProvider;
import dev.faultline.experiment.RollbackStrategy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentLoaderTest {

    private final ExperimentLoader loader = new ExperimentLoader(Drivers.standard());

    private LoadResult yaml(String text) {
        return loader.load(Path.of("exp.yaml"), text, LoadOptions.forValidate());
    }

    private LoadResult json(String text) {
        return loader.load(Path.of("exp.json"), text, LoadOptions.forValidate());
    }

    @Test
    void loadsACompleteYamlExperiment() {
        LoadResult result = yaml("""
                title: t
                description: d
                tags: [a, b]
                contributions: {reliability: high}
                configuration:
                  url: http://localhost:1
                  port: {type: env, key: SOME_UNSET_VARIABLE_X, default: 8080, env_var_type: int}
                secrets:
                  api: {token: {type: env, key: SOME_UNSET_TOKEN_X}}
                runtime:
                  hypothesis: {strategy: continously, frequency: 2}
                  rollbacks: {strategy: always}
                steady-state-hypothesis:
                  title: up
                  probes:
                    - name: up
                      type: probe
                      tolerance: {type: jsonpath, path: "$.status", expect: UP, target: body}
                      provider: {type: http, url: "${url}/health", timeout: [1, 2]}
                method:
                  - type: action
                    name: sleep
                    provider: {type: process, path: sleep, arguments: ["0"]}
                    pauses: {before: 0, after: "${port}"}
                  - ref: up
                rollbacks:
                  - type: action
                    name: undo
                    provider: {type: files, func: exists, arguments: {path: /tmp}}
                """);
        assertThat(result.errors()).isEmpty();
        var experiment = result.experiment();
        assertThat(experiment.tags()).containsExactly("a", "b");
        assertThat(experiment.configuration().get("port")).isInstanceOf(ConfigValue.Env.class);
        assertThat(experiment.runtime().hypothesis()).isEqualTo(HypothesisStrategy.CONTINUOUSLY);
        assertThat(experiment.runtime().frequencySeconds()).isEqualTo(2.0);
        assertThat(experiment.runtime().rollbacks()).isEqualTo(RollbackStrategy.ALWAYS);
        Activity probe = experiment.hypothesis().probes().get(0);
        assertThat(probe.provider()).isInstanceOf(HttpProvider.class);
        assertThat(probe.tolerance()).isInstanceOf(JsonPathTolerance.class);
        assertThat(experiment.method().get(0).provider()).isInstanceOf(ProcessProvider.class);
        Activity ref = experiment.method().get(1);
        assertThat(ref.name()).isEqualTo("up");
        assertThat(ref.ref()).isEqualTo("up");
        assertThat(ref.pointer()).isEqualTo("/method/1");
        assertThat(experiment.rollbacks().get(0).provider()).isInstanceOf(NativeProvider.class);
        assertThat(result.warnings()).anyMatch(p -> p.message().contains("SOME_UNSET_TOKEN_X"));
    }

    @Test
    void reportsEveryProblemAtOnceWithLineAndColumn() {
        LoadResult result = yaml("""
                title: t
                steady-state-hypothesis:
                  title: up
                  probes:
                    - name: no-tolerance
                      type: probe
                      provider: {type: http, url: "http://x"}
                method:
                  - type: actoin
                    name: typo
                    provider: {type: http, url: "http://x"}
                  - type: action
                    provider: {type: http}
                """);
        assertThat(result.ok()).isFalse();
        List<String> messages = result.errors().stream().map(Problem::message).toList();
        assertThat(messages).anyMatch(m -> m.contains("`description`"));
        assertThat(messages).anyMatch(m -> m.contains("no `tolerance`"));
        assertThat(messages).anyMatch(m -> m.contains("[actoin]"));
        assertThat(messages).anyMatch(m -> m.contains("no `name`"));
        assertThat(messages).anyMatch(m -> m.contains("no `url`"));
        Problem typo = result.errors().stream().filter(p -> p.message().contains("actoin")).findFirst().orElseThrow();
        assertThat(typo.location()).isEqualTo(new Location(9, 5));
        assertThat(typo.pointer()).isEqualTo("/method/0/type");
        assertThat(typo.render()).startsWith("exp.yaml:9:5: error: activity type [actoin] is not supported").contains("fix: use `probe` or `action`");
    }

    @Test
    void jsonErrorsPointAtTheBrokenSpot() {
        LoadResult result = json("{\n  \"title\": \"t\",\n  \"method\": [\n}\n");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).message()).startsWith("not valid JSON");
        assertThat(result.errors().get(0).location().line()).isEqualTo(4);
    }

    @Test
    void anUnknownPythonFunctionNamesItAndListsTheSupportedOnes() {
        LoadResult result = yaml("""
                title: t
                description: d
                method:
                  - type: action
                    name: stop
                    provider: {type: python, module: chaostoxi.toxic.actions, func: create_jitter_toxic, arguments: {for_proxy: p}}
                  - type: action
                    name: aws
                    provider: {type: python, module: chaosaws.ec2.actions, func: stop_instances}
                """);
        List<Problem> errors = result.errors();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).message()).isEqualTo("python function [chaostoxi.toxic.actions.create_jitter_toxic] is not supported by Faultline");
        assertThat(errors.get(0).hint()).contains("chaostoxi.toxic.actions.create_latency_toxic");
        assertThat(errors.get(1).hint()).contains("chaostoxi").contains("docs/compatibility.md");
    }

    @Test
    void argumentsAreCheckedAgainstTheFunctionsSignature() {
        LoadResult result = yaml("""
                title: t
                description: d
                method:
                  - type: action
                    name: latency
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: create_latency_toxic
                      arguments: {for_proxy: p, toxic_name: t, latency: lots, colour: red}
                """);
        List<String> messages = result.errors().stream().map(Problem::message).toList();
        assertThat(messages).anyMatch(m -> m.contains("argument [latency]") && m.contains("[\"lots\"]"));
        assertThat(messages).anyMatch(m -> m.contains("has no argument [colour]"));
    }

    @Test
    void aTwoElementListToleranceOfStringsWarnsThatItIsARange() {
        LoadResult result = yaml("""
                title: t
                description: d
                steady-state-hypothesis:
                  title: h
                  probes:
                    - {name: p, type: probe, tolerance: [green, yellow], provider: {type: process, path: "true"}}
                method: []
                """);
        assertThat(result.ok()).isTrue();
        assertThat(result.experiment().hypothesis().probes().get(0).tolerance()).isInstanceOf(ListTolerance.class);
        assertThat(result.warnings()).anyMatch(w -> w.message().contains("inclusive range"));
    }

    @Test
    void refsMustPointAtDeclaredActivities() {
        LoadResult result = yaml("""
                title: t
                description: d
                method:
                  - ref: nowhere
                """);
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("[nowhere]");
            assertThat(p.pointer()).isEqualTo("/method/0/ref");
        });
    }

    @Test
    void unsupportedControlsAreErrorsUnlessSkipped() {
        String text = """
                title: t
                description: d
                controls:
                  - name: tracing
                    provider: {type: python, module: chaostracing.control}
                method: []
                """;
        assertThat(yaml(text).errors()).singleElement().satisfies(p -> assertThat(p.hint()).contains("--skip-control chaostracing.control"));
        LoadResult skipped = loader.load(Path.of("exp.yaml"), text, LoadOptions.forValidate().withSkippedControls(Set.of("chaostracing.control")));
        assertThat(skipped.ok()).isTrue();
    }

    @Test
    void safeguardsControlsAreReadAsGuards() {
        LoadResult result = yaml("""
                title: t
                description: d
                controls:
                  - name: safeguard
                    provider:
                      type: python
                      module: chaosaddons.controls.safeguards
                      arguments:
                        probes:
                          - {name: up, type: probe, frequency: 2, tolerance: true, provider: {type: files, func: exists, arguments: {path: /}}}
                method: []
                """);
        assertThat(result.errors()).isEmpty();
        var safeguard = result.experiment().controls().get(0).safeguards().get(0);
        assertThat(safeguard.frequencySeconds()).isEqualTo(2.0);
        assertThat(safeguard.preflightOnly()).isFalse();
    }

    @Test
    void missingEnvironmentVariablesAreErrorsWhenRunningAndWarningsWhenValidating() {
        String text = """
                title: t
                description: d
                configuration:
                  host: {type: env, key: FAULTLINE_TEST_SURELY_UNSET}
                method: []
                """;
        assertThat(yaml(text).ok()).isTrue();
        LoadResult run = loader.load(Path.of("exp.yaml"), text, LoadOptions.forRun());
        assertThat(run.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("FAULTLINE_TEST_SURELY_UNSET"));
    }

    @Test
    void duplicateKeysAreReportedAndTheLastWinsAsInChaosToolkit() {
        LoadResult result = yaml("title: a\ntitle: b\ndescription: d\nmethod: []\n");
        assertThat(result.ok()).isTrue();
        assertThat(result.experiment().title()).isEqualTo("b");
        assertThat(result.warnings()).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(2));
    }

    @Test
    void vaultSecretsAreRejectedWithAWayOut() {
        LoadResult result = yaml("""
                title: t
                description: d
                secrets:
                  db: {password: {type: vault, path: secret/db}}
                method: []
                """);
        assertThat(result.errors()).singleElement().satisfies(p -> assertThat(p.hint()).contains("type: env"));
    }
}
