package dev.faultline.driver.kubernetes;

import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.RecordingFaults;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesPodKillTest {

    private static final Map<String, String> WEB = Map.of("app", "web");

    @TempDir
    Path home;

    private MockCluster cluster;
    private KubernetesDriver driver;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        driver = cluster.driver(home);
        for (String name : List.of("web-1", "web-2", "web-3")) {
            cluster.pod("shop", name, WEB, "Running");
        }
        cluster.pod("shop", "db-1", Map.of("app", "db"), "Running");
        cluster.pod("other", "web-1", WEB, "Running");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void deletesOnlyMatchingPodsOfTheGivenNamespaceAndRecordsThemAsIrreversible() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        Object out = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "all", true, "ns", "shop")).faults(faults).invoke();

        assertThat(out).isEqualTo(List.of("web-1", "web-2", "web-3"));
        assertThat(cluster.podNames("shop")).containsExactly("db-1");
        assertThat(cluster.podNames("other")).containsExactly("web-1");
        assertThat(faults.injected()).isEmpty();
        assertThat(faults.irreversibleFaults()).singleElement().satisfies(recorded -> {
            assertThat(recorded.plan().reversible()).isFalse();
            assertThat(recorded.plan().kind()).isEqualTo("pod-kill");
            assertThat(recorded.plan().target()).isEqualTo("kubernetes://localhost:" + cluster.server.getPort()
                    + "/namespaces/shop/pods?selector=app=web");
            assertThat(recorded.evidence().ok()).isTrue();
            assertThat(recorded.evidence().observed())
                    .isEqualTo(Map.of("web-1", "gone", "web-2", "gone", "web-3", "gone"));
        });
    }

    @Test
    void fixedQuantityTakesPodsInNameOrderAndIsCappedByWhatMatches() throws Exception {
        Object two = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "qty", 2, "ns", "shop")).invoke();
        assertThat(two).isEqualTo(List.of("web-1", "web-2"));

        Object capped = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "qty", 5, "ns", "shop")).invoke();
        assertThat(capped).isEqualTo(List.of("web-3"));
        assertThat(cluster.podNames("shop")).containsExactly("db-1");
    }

    @Test
    void percentageRoundsUp() throws Exception {
        Object out = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "mode", "percentage", "qty", 50, "ns", "shop")).invoke();

        assertThat(out).isEqualTo(List.of("web-1", "web-2"));
        assertThat(cluster.podNames("shop")).containsExactly("db-1", "web-3");
    }

    @Test
    void namePatternIsSearchedInPodNames() throws Exception {
        Object out = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("name_pattern", "-[23]$", "all", true, "ns", "shop")).invoke();

        assertThat(out).isEqualTo(List.of("web-2", "web-3"));
        assertThat(cluster.podNames("shop")).containsExactly("db-1", "web-1");
    }

    @Test
    void oldestOrderKillsTheEarliestCreatedPodFirst() throws Exception {
        Instant first = Instant.parse(cluster.pod("jobs", "z-old", WEB, "Running").getMetadata().getCreationTimestamp());
        awaitServerClockPast(first);
        cluster.pod("jobs", "a-new", WEB, "Running");

        Object oldest = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "order", "oldest", "ns", "jobs")).invoke();

        assertThat(oldest).isEqualTo(List.of("z-old"));
        assertThat(cluster.podNames("jobs")).containsExactly("a-new");
    }

    @Test
    void gracePeriodIsSentOnlyWhenGiven() throws Exception {
        cluster.takeRequests();
        KubeCall.of(driver, "kubernetes/kill-pods", Map.of("namespace", "shop", "selector", "app=web",
                "grace-period", 7, "order", "alphabetic")).invoke();
        assertThat(deleteBodies()).singleElement().asString().contains("\"gracePeriodSeconds\":7");

        KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods", Map.of("label_selector", "app=web", "ns", "shop"))
                .invoke();
        assertThat(deleteBodies()).singleElement().asString().doesNotContain("gracePeriodSeconds");

        KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods", Map.of("label_selector", "app=web", "ns", "shop",
                "grace_period", 0)).invoke();
        assertThat(deleteBodies()).singleElement().asString().contains("\"gracePeriodSeconds\":0");
    }

    @Test
    void planNamesThePodsTheKillThenDeletesWithoutTouchingAnything() throws Exception {
        KubeCall call = KubeCall.of(driver, "kubernetes/kill-pods",
                Map.of("namespace", "shop", "selector", "app=web", "qty", 2));

        List<PlannedTarget> plan = call.plan();
        assertThat(cluster.podNames("shop")).hasSize(4);
        assertThat(plan).singleElement().satisfies(target -> {
            assertThat(target.kind()).isEqualTo("pod-kill");
            assertThat(target.namespace()).isEqualTo("shop");
            assertThat(target.eligible()).isEqualTo(3);
            assertThat(target.reversible()).isFalse();
            assertThat(target.selected()).hasSize(2).allSatisfy(pod -> assertThat(pod.labels()).isEqualTo(WEB));
        });

        Object killed = call.invoke();
        assertThat(killed).isEqualTo(plan.get(0).selected().stream().map(PlannedTarget.Resource::name).toList());
    }

    @Test
    void randomOrderFollowsTheSeedSoDifferentSeedsPickDifferentPods() throws Exception {
        List<List<String>> picks = new java.util.ArrayList<>();
        for (long seed = 0; seed < 12; seed++) {
            List<PlannedTarget> plan = KubeCall.of(driver, "kubernetes/kill-pods",
                    Map.of("namespace", "shop", "selector", "app=web", "seed", seed)).plan();
            picks.add(plan.get(0).selected().stream().map(PlannedTarget.Resource::name).toList());
        }
        assertThat(picks.stream().distinct().count()).isGreaterThan(1);

        List<PlannedTarget> again = KubeCall.of(driver, "kubernetes/kill-pods",
                Map.of("namespace", "shop", "selector", "app=web", "seed", 3)).plan();
        assertThat(again.get(0).selected().stream().map(PlannedTarget.Resource::name).toList())
                .isEqualTo(picks.get(3));
    }

    @Test
    void nativeKillRefusesToPickFromAWholeNamespace() {
        assertThatThrownBy(() -> KubeCall.of(driver, "kubernetes/kill-pods", Map.of("namespace", "shop")).plan())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[selector]").hasMessageContaining("[shop]");
        assertThat(cluster.podNames("shop")).hasSize(4);
    }

    @Test
    void deprecatedDeletePodsKillsOnePodWhoseNameMatches() throws Exception {
        Object out = KubeCall.of(driver, "chaosk8s.actions.delete_pods", Map.of("name", "web-", "ns", "shop")).invoke();

        assertThat(out).isEqualTo(List.of("web-1"));
        assertThat(cluster.podNames("shop")).containsExactly("db-1", "web-2", "web-3");
    }

    @Test
    void noMatchingPodKillsNothingAndRecordsNothing() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        Object out = KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=cache", "ns", "shop")).faults(faults).invoke();

        assertThat(out).isEqualTo(List.of());
        assertThat(faults.irreversibleFaults()).isEmpty();
    }

    @Test
    void invalidModeFailsBeforeAnythingIsDeleted() {
        assertThatThrownBy(() -> KubeCall.of(driver, "chaosk8s.pod.actions.terminate_pods",
                Map.of("label_selector", "app=web", "ns", "shop", "mode", "half")).invoke())
                .hasMessageContaining("[mode]").hasMessageContaining("[half]");
        assertThat(cluster.podNames("shop")).hasSize(4);
    }

    private List<String> deleteBodies() throws InterruptedException {
        return cluster.takeRequests().stream().filter(r -> r.getMethod().equals("DELETE"))
                .map(RecordedRequest::getUtf8Body).toList();
    }

    /** The mock stamps creation times itself, to the second: wait until its clock has moved on. */
    private void awaitServerClockPast(Instant instant) {
        for (int i = 0; ; i++) {
            String stamp = cluster.client.configMaps().inNamespace("jobs")
                    .resource(new ConfigMapBuilder().withNewMetadata().withName("tick-" + i).endMetadata().build())
                    .create().getMetadata().getCreationTimestamp();
            if (Instant.parse(stamp).isAfter(instant)) {
                return;
            }
        }
    }
}
