package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesPodProbesTest {

    private static final Map<String, String> WEB = Map.of("app", "web");

    @TempDir
    Path home;

    private MockCluster cluster;
    private KubernetesDriver driver;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        driver = cluster.driver(home);
        cluster.readyPod("shop", "web-1", WEB, true);
        cluster.readyPod("shop", "web-2", WEB, true);
        cluster.readyPod("shop", "web-3", WEB, false);
        cluster.pod("shop", "job-1", Map.of("app", "job"), "Succeeded");
        cluster.readyPod("other", "web-1", WEB, true);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void podsInPhaseIsTrueWhenEveryMatchingPodIsInIt() throws Exception {
        assertThat(call("chaosk8s.pod.probes.pods_in_phase", Map.of("label_selector", "app=web", "ns", "shop")))
                .isEqualTo(true);
        assertThat(call("chaosk8s.pod.probes.pods_in_phase", Map.of("label_selector", "app=job", "ns", "shop",
                "phase", "Succeeded"))).isEqualTo(true);
    }

    @Test
    void podsInPhaseRaisesOrReturnsFalseAsAsked() throws Exception {
        cluster.pod("shop", "web-4", WEB, "Pending");

        assertThatThrownBy(() -> call("chaosk8s.pod.probes.pods_in_phase", Map.of("label_selector", "app=web",
                "ns", "shop")))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("[web-4]").hasMessageContaining("[Pending]").hasMessageContaining("[Running]");
        assertThat(call("chaosk8s.pod.probes.pods_in_phase", Map.of("label_selector", "app=web", "ns", "shop",
                "raise_on_invalid_phase", false))).isEqualTo(false);
        assertThat(call("chaosk8s.pod.probes.pods_in_phase", Map.of("label_selector", "app=none", "ns", "shop",
                "raise_on_invalid_phase", false))).isEqualTo(false);
    }

    @Test
    void podsNotInPhase() throws Exception {
        assertThat(call("chaosk8s.pod.probes.pods_not_in_phase", Map.of("label_selector", "app=web", "ns", "shop",
                "phase", "Failed"))).isEqualTo(true);
        assertThat(call("chaosk8s.pod.probes.pods_not_in_phase", Map.of("label_selector", "app=web", "ns", "shop",
                "raise_on_in_phase", false))).isEqualTo(false);
        assertThatThrownBy(() -> call("chaosk8s.pod.probes.pods_not_in_phase", Map.of("label_selector", "app=web",
                "ns", "shop"))).isInstanceOf(ActivityFailedException.class);
    }

    @Test
    void podsInConditionsComparesTypeAndStatus() throws Exception {
        List<Object> ready = List.of(Map.of("type", "Ready", "status", "True"));
        assertThat(call("chaosk8s.pod.probes.pods_in_conditions", Map.of("label_selector", "app=web", "ns", "other",
                "conditions", ready))).isEqualTo(true);
        assertThat(call("chaosk8s.pod.probes.pods_in_conditions", Map.of("label_selector", "app=web", "ns", "shop",
                "conditions", ready, "raise_on_invalid_conditions", false))).isEqualTo(false);
        assertThatThrownBy(() -> call("chaosk8s.pod.probes.pods_in_conditions", Map.of("label_selector", "app=web",
                "ns", "shop", "conditions", ready)))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("[web-3]");
    }

    @Test
    void countPodsCountsMatchingPodsOptionallyInAPhase() throws Exception {
        cluster.pod("shop", "web-4", WEB, "Pending");
        assertThat(call("chaosk8s.pod.probes.count_pods", Map.of("label_selector", "app=web", "ns", "shop")))
                .isEqualTo(4);
        assertThat(call("chaosk8s.pod.probes.count_pods", Map.of("label_selector", "app=web", "ns", "shop",
                "phase", "Running"))).isEqualTo(3);
        assertThat(call("chaosk8s.pod.probes.count_pods", Map.of("label_selector", "app=none", "ns", "shop")))
                .isEqualTo(0);
        assertThat(call("chaosk8s.pod.probes.count_min_pods", Map.of("label_selector", "app=web", "ns", "shop",
                "min_count", 3))).isEqualTo(true);
        assertThat(call("chaosk8s.pod.probes.count_min_pods", Map.of("label_selector", "app=web", "ns", "shop",
                "min_count", 4))).isEqualTo(false);
    }

    @Test
    void allPodsHealthyAcceptsRunningAndSucceededOnly() throws Exception {
        assertThat(call("chaosk8s.probes.all_microservices_healthy", Map.of("ns", "shop"))).isEqualTo(true);
        cluster.pod("shop", "cache-1", Map.of("app", "cache"), "Pending");

        assertThatThrownBy(() -> call("chaosk8s.pod.probes.all_pods_healthy", Map.of("ns", "shop")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("cache-1=Pending");
        assertThat(call("chaosk8s.pod.probes.all_pods_healthy", Map.of("ns", "shop", "raise_on_any_unhealthy", false)))
                .isEqualTo(false);
    }

    @Test
    void readyPodsCountsReadyPodsThatAreNotTerminating() throws Exception {
        assertThat(call("kubernetes/ready-pods", Map.of("namespace", "shop", "selector", "app=web"))).isEqualTo(2);
        assertThat(call("kubernetes/ready-pods", Map.of("namespace", "other"))).isEqualTo(1);
        assertThat(call("kubernetes/ready-pods", Map.of("namespace", "empty"))).isEqualTo(0);
    }

    @Test
    void podIsNotAvailableWhenNoneOfItsPodsRun() throws Exception {
        cluster.pod("shop", "api-1", Map.of("name", "api"), "Running");
        cluster.pod("shop", "cron-1", Map.of("name", "cron"), "Pending");

        assertThat(call("chaosk8s.pod.probes.pod_is_not_available", Map.of("name", "cron", "ns", "shop",
                "label_selector", "name={name}"))).isEqualTo(true);
        assertThat(call("chaosk8s.probes.microservice_is_not_available", Map.of("name", "api", "ns", "shop",
                "label_selector", "name={name}", "raise_on_is_available", false))).isEqualTo(false);
    }

    private Object call(String function, Map<String, Object> args) throws Exception {
        return KubeCall.of(driver, function, args).invoke();
    }
}
