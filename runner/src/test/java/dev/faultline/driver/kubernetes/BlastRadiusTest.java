package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.engine.Engine;
import dev.faultline.engine.Outcome;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.engine.StopSignal;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blast-radius policy and the cluster run lock through the whole engine, against fabric8's mock
 * API server: a refused run sends no DELETE at all; an allowed one deletes exactly what was planned.
 */
class BlastRadiusTest {

    @TempDir
    Path dir;

    private MockCluster cluster;
    private DriverRegistry registry;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        registry = DriverRegistry.of(cluster.driver(dir));
        for (String name : List.of("web-1", "web-2", "web-3", "web-4")) {
            cluster.pod("shop", name, Map.of("app", "web"), "Running");
        }
        cluster.pod("kube-system", "coredns-1", Map.of("app", "web"), "Running");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private RunResult run(String namespace, int qty, String blastRadius, String configuration) throws InterruptedException {
        LoadResult loaded = new ExperimentLoader(registry).load(dir.resolve("kill.yaml"), """
                title: Kill web pods
                description: blast radius test
                configuration: {%s}
                safety:
                  preflight: {lock-dir: "%s"}
                  blast-radius: %s
                method:
                  - type: action
                    name: kill-web
                    provider:
                      type: python
                      module: chaosk8s.pod.actions
                      func: terminate_pods
                      arguments: {label_selector: app=web, qty: %d, ns: %s}
                """.formatted(configuration, dir.resolve("locks"), blastRadius, qty, namespace), LoadOptions.forRun());
        assertThat(loaded.errors()).isEmpty();
        cluster.takeRequests();
        return new Engine(registry).run(loaded.experiment(), RunOptions.defaults().withLedger(dir.resolve("ledger.jsonl"), false),
                new StopSignal());
    }

    private List<RecordedRequest> deletes() throws InterruptedException {
        return cluster.takeRequests().stream().filter(r -> r.getMethod().equals("DELETE")).toList();
    }

    @Test
    void moreThanTheAllowedPodsPerActionIsRefusedBeforeAnyDelete() throws Exception {
        RunResult result = run("shop", 2, "{}", "");
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.journal().at("/faultline/refusal/verdicts").toString()).contains("blast-radius");
        assertThat(deletes()).isEmpty();
        assertThat(cluster.podNames("shop")).hasSize(4);
    }

    @Test
    void protectedNamespacesAreNeverTouched() throws Exception {
        RunResult result = run("kube-system", 1, "{max-percentage: 100}", "");
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.journal().at("/faultline/refusal/verdicts").toString()).contains("kube-system");
        assertThat(deletes()).isEmpty();
        assertThat(cluster.podNames("kube-system")).containsExactly("coredns-1");
    }

    @Test
    void aRequiredOptInLabelMissingOnTheTargetsRefusesTheRun() throws Exception {
        RunResult result = run("shop", 1, "{require-label: \"faultline.dev/chaos=enabled\"}", "");
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(deletes()).isEmpty();
    }

    @Test
    void withinThePolicyExactlyThePlannedPodIsDeleted() throws Exception {
        RunResult result = run("shop", 1, "{allowed-namespaces: [shop], max-pods-per-action: 1, max-percentage: 50}", "");
        assertThat(result.outcome()).as(result.journal().toPrettyString()).isEqualTo(Outcome.HELD);
        String planned = result.journal().at("/faultline/planned_targets/0/selected/0/name").asText();
        assertThat(deletes()).hasSize(1);
        assertThat(cluster.podNames("shop")).hasSize(3).doesNotContain(planned);
        assertThat(result.journal().at("/faultline/faults/0/undo/status").asText()).isEqualTo("irreversible");
    }

    @Test
    void aClusterLeaseHeldByAnotherRunRefusesAndOurOwnIsReleased() throws Exception {
        String policy = "{max-percentage: 50}";
        RunLease other = new RunLease(cluster.client, "default", java.time.Clock.systemUTC());
        String target = run("shop", 1, policy, "kubernetes_lease: true").journal().at("/faultline/planned_targets/0/target").asText();
        assertThat(cluster.client.leases().inNamespace("default").list().getItems()).as("released after the run").isEmpty();
        assertThat(other.acquire(List.of(target), "someone-else", Duration.ofMinutes(5)).acquired()).isTrue();
        RunResult refused = run("shop", 1, policy, "kubernetes_lease: true");
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.journal().at("/faultline/refusal/verdicts").toString()).contains("run-lock").contains("someone-else");
        assertThat(deletes()).isEmpty();
    }
}
