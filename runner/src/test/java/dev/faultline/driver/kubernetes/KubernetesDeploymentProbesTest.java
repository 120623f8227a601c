package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesDeploymentProbesTest {

    @TempDir
    Path home;

    private MockCluster cluster;
    private KubernetesDriver driver;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        driver = cluster.driver(home);
        cluster.deployment("shop", "web", 3, 3);
        cluster.deployment("shop", "api", 2, 1);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void availableAndHealthyUnderAllItsNames() throws Exception {
        for (String name : new String[] {"chaosk8s.deployment.probes.deployment_available_and_healthy",
                "chaosk8s.probes.deployment_available_and_healthy", "chaosk8s.probes.microservice_available_and_healthy"}) {
            assertThat(call(name, Map.of("name", "web", "ns", "shop"))).as(name).isEqualTo(true);
        }
        assertThatThrownBy(() -> call("chaosk8s.deployment.probes.deployment_available_and_healthy",
                Map.of("name", "api", "ns", "shop")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("1 of 2");
        assertThat(call("chaosk8s.deployment.probes.deployment_available_and_healthy",
                Map.of("name", "api", "ns", "shop", "raise_on_unavailable", false))).isEqualTo(false);
    }

    @Test
    void aLabelSelectorTheDeploymentDoesNotMatchMeansNotFound() throws Exception {
        assertThat(call("chaosk8s.deployment.probes.deployment_available_and_healthy",
                Map.of("name", "web", "ns", "shop", "label_selector", "app=web"))).isEqualTo(true);
        assertThatThrownBy(() -> call("chaosk8s.deployment.probes.deployment_available_and_healthy",
                Map.of("name", "web", "ns", "shop", "label_selector", "app=api")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("was not found");
    }

    @Test
    void partiallyAvailableNeedsOneAvailableReplica() throws Exception {
        assertThat(call("chaosk8s.deployment.probes.deployment_partially_available", Map.of("name", "api", "ns", "shop")))
                .isEqualTo(true);
        cluster.status("shop", "api", 0, 0);
        assertThat(call("chaosk8s.deployment.probes.deployment_partially_available",
                Map.of("name", "api", "ns", "shop", "raise_on_not_partially_available", false))).isEqualTo(false);
    }

    @Test
    @Timeout(30)
    void fullyAvailableWaitsForTheLastReplicaToBecomeReady() throws Exception {
        int before = cluster.server.getRequestCount();
        CompletableFuture<Object> probe = CompletableFuture.supplyAsync(() -> unchecked(() ->
                call("chaosk8s.probes.deployment_is_fully_available", Map.of("name", "api", "ns", "shop", "timeout", 20))));
        while (cluster.server.getRequestCount() == before) {
            Thread.onSpinWait();
        }
        assertThat(probe).isNotDone();

        cluster.status("shop", "api", 2, 2);
        assertThat(probe.get(10, TimeUnit.SECONDS)).isEqualTo(true);
    }

    @Test
    void fullyAvailableGivesUpAfterItsTimeout() throws Exception {
        long started = System.nanoTime();
        assertThat(call("chaosk8s.deployment.probes.deployment_fully_available", Map.of("name", "api", "ns", "shop",
                "timeout", 0.5, "raise_on_not_fully_available", false))).isEqualTo(false);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));

        assertThatThrownBy(() -> call("chaosk8s.deployment.probes.deployment_fully_available",
                Map.of("name", "nope", "ns", "shop", "timeout", 0.3)))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("failed to recover");
    }

    @Test
    void notFullyAvailableIsTrueOnceAReplicaIsMissing() throws Exception {
        assertThat(call("chaosk8s.deployment.probes.deployment_not_fully_available",
                Map.of("name", "api", "ns", "shop", "timeout", 1))).isEqualTo(true);
        assertThat(call("chaosk8s.probes.deployment_is_not_fully_available",
                Map.of("name", "web", "ns", "shop", "timeout", 0.3, "raise_on_fully_available", false)))
                .isEqualTo(false);
    }

    @Test
    void nativeDeploymentAvailable() throws Exception {
        assertThat(call("kubernetes/deployment-available", Map.of("namespace", "shop", "deployment", "web")))
                .isEqualTo(true);
        assertThat(call("kubernetes/deployment-available", Map.of("namespace", "shop", "deployment", "api",
                "wait", 0.3))).isEqualTo(false);
        assertThatThrownBy(() -> call("kubernetes/deployment-available", Map.of("namespace", "shop", "deployment", "x")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("[x]");
    }

    private Object call(String function, Map<String, Object> args) throws Exception {
        return KubeCall.of(driver, function, args).timeout(Duration.ofSeconds(20)).invoke();
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Object unchecked(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
