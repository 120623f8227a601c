package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.RecordingFaults;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a server scripted to misbehave: a delete that does not take, a refusal, an answer that never comes. */
class KubernetesApiFailuresTest {

    @TempDir
    Path home;

    @Test
    void aKillThatDidNotTakeEffectFailsTheActivityAndIsRecordedAsMissing() {
        try (MockCluster cluster = MockCluster.expectations()) {
            Pod pod = new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop").withUid("u-1")
                    .addToLabels("app", "web").endMetadata().build();
            cluster.server.expect().get().withPath("/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb")
                    .andReturn(200, new PodListBuilder().addToItems(pod).build()).always();
            cluster.server.expect().delete().withPath("/api/v1/namespaces/shop/pods/web-1")
                    .andReturn(200, new StatusBuilder().withStatus("Success").build()).always();
            cluster.server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1").andReturn(200, pod).always();
            RecordingFaults faults = new RecordingFaults();

            assertThatThrownBy(() -> KubeCall.of(cluster.driver(home), "chaosk8s.pod.actions.terminate_pods",
                    Map.of("label_selector", "app=web", "ns", "shop")).faults(faults).invoke())
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("did not take effect").hasMessageContaining("web-1");
            assertThat(faults.irreversibleFaults()).singleElement().satisfies(recorded -> {
                assertThat(recorded.evidence().ok()).isFalse();
                assertThat(recorded.evidence().observed()).isEqualTo(Map.of("web-1", "still running"));
            });
        }
    }

    @Test
    void aRefusalPointsAtTheRbacVerbs() {
        try (MockCluster cluster = MockCluster.expectations()) {
            cluster.server.expect().get().withPath("/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb")
                    .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                            .withMessage("pods is forbidden: User \"chaos\" cannot list resource \"pods\"").build())
                    .always();

            assertThatThrownBy(() -> KubeCall.of(cluster.driver(home), "kubernetes/kill-pods",
                    Map.of("namespace", "shop", "selector", "app=web")).plan())
                    .isInstanceOf(ActivityFailedException.class)
                    .hasMessageContaining("kubernetes/kill-pods").hasMessageContaining("refused the request (403)")
                    .hasMessageContaining("cannot list resource").hasMessageContaining("RBAC");
        }
    }

    @Test
    void everyRequestIsBoundedByTheCallTimeout() {
        try (MockCluster cluster = MockCluster.expectations()) {
            cluster.server.expect().get().delay(20, java.util.concurrent.TimeUnit.SECONDS)
                    .withPath("/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb")
                    .andReturn(200, new PodListBuilder().build()).always();
            long started = System.nanoTime();

            assertThatThrownBy(() -> KubeCall.of(cluster.driver(home), "chaosk8s.pod.probes.count_pods",
                    Map.of("label_selector", "app=web", "ns", "shop")).timeout(Duration.ofMillis(500)).invoke())
                    .isInstanceOf(ActivityFailedException.class).hasMessageContaining("did not answer in time");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
