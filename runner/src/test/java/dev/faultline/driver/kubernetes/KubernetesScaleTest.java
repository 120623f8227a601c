package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesScaleTest {

    @TempDir
    Path home;

    private MockCluster cluster;
    private KubernetesDriver driver;

    @BeforeEach
    void start() {
        cluster = MockCluster.crud();
        driver = cluster.driver(home);
        cluster.deployment("shop", "web", 3, 3);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void scaleDeclaresTheUndoBeforeScalingAndUndoRestoresThePreviousCount() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        Object out = KubeCall.of(driver, "chaosk8s.deployment.actions.scale_deployment",
                Map.of("name", "web", "replicas", 0, "ns", "shop")).faults(faults).invoke();

        assertThat(out).isNull();
        assertThat(replicas("web")).isZero();
        assertThat(faults.injected()).singleElement().satisfies(recorded -> {
            assertThat(recorded.plan().kind()).isEqualTo("scale");
            assertThat(recorded.plan().description()).contains("from 3 to 0");
            assertThat(recorded.plan().undo().args()).containsEntry("namespace", "shop")
                    .containsEntry("deployment", "web").containsEntry("replicas", 3)
                    .containsEntry("connection", "CREDENTIALS").containsEntry("server", cluster.url());
            assertThat(recorded.evidence().ok()).isTrue();
            assertThat(recorded.evidence().observed()).isEqualTo(0);
        });

        faults.undoAll(driver);
        assertThat(replicas("web")).isEqualTo(3);
    }

    @Test
    void undoWorksFromTheUndoSpecAloneInAnotherDriverAndIsIdempotent() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        KubeCall.of(driver, "chaosk8s.actions.scale_microservice", Map.of("name", "web", "replicas", 1, "ns", "shop"))
                .faults(faults).invoke();
        UndoSpec undo = faults.injected().get(0).plan().undo();

        KubernetesDriver afterCrash = cluster.driver(home, 7L);
        afterCrash.undo(undo, UndoContext.defaults());
        afterCrash.undo(undo, UndoContext.defaults());
        assertThat(replicas("web")).isEqualTo(3);

        cluster.client.apps().deployments().inNamespace("shop").withName("web").delete();
        afterCrash.undo(undo, UndoContext.defaults());
    }

    @Test
    void undoRefusesAClusterOtherThanTheOneTheFaultWasInjectedOn() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        KubeCall.of(driver, "kubernetes/scale", Map.of("namespace", "shop", "deployment", "web", "replicas", 0))
                .faults(faults).invoke();
        Map<String, Object> args = new HashMap<>(faults.injected().get(0).plan().undo().args());
        args.put("server", "https://10.9.9.9:6443/");

        assertThatThrownBy(() -> driver.undo(new UndoSpec("kubernetes", "restore-replicas", args), UndoContext.defaults()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("[https://10.9.9.9:6443/]");
        assertThat(replicas("web")).isZero();
    }

    @Test
    void planNamesTheDeploymentWithoutScalingIt() throws Exception {
        List<PlannedTarget> plan = KubeCall.of(driver, "kubernetes/scale",
                Map.of("namespace", "shop", "deployment", "web", "replicas", 1)).plan();

        assertThat(plan).singleElement().satisfies(target -> {
            assertThat(target.kind()).isEqualTo("scale");
            assertThat(target.reversible()).isTrue();
            assertThat(target.namespace()).isEqualTo("shop");
            assertThat(target.target()).endsWith("/namespaces/shop/deployments/web");
            assertThat(target.selected()).containsExactly(new PlannedTarget.Resource("shop", "web", Map.of("app", "web")));
            assertThat(target.description()).contains("from 3 to 1");
        });
        assertThat(replicas("web")).isEqualTo(3);
    }

    @Test
    void nativeScaleReportsWhatChanged() throws Exception {
        Object out = KubeCall.of(driver, "kubernetes/scale",
                Map.of("namespace", "shop", "deployment", "web", "replicas", 5)).invoke();

        assertThat(out).isEqualTo(Map.of("namespace", "shop", "deployment", "web", "previous", 3, "replicas", 5));
    }

    @Test
    void aMissingDeploymentFailsWithoutInjectingAnything() {
        RecordingFaults faults = new RecordingFaults();
        assertThatThrownBy(() -> KubeCall.of(driver, "chaosk8s.deployment.actions.scale_deployment",
                Map.of("name", "api", "replicas", 0, "ns", "shop")).faults(faults).invoke())
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("[api]").hasMessageContaining("[shop]");
        assertThat(faults.injected()).isEmpty();
    }

    @Test
    void rolloutStampsThePodTemplateAndIsRecordedAsIrreversible() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        KubeCall.of(driver, "chaosk8s.deployment.actions.rollout_deployment", Map.of("name", "web", "ns", "shop"))
                .faults(faults).invoke();

        String stamp = cluster.client.apps().deployments().inNamespace("shop").withName("web").get().getSpec()
                .getTemplate().getMetadata().getAnnotations().get(DeploymentRollout.ANNOTATION);
        assertThat(stamp).isNotBlank();
        assertThat(faults.irreversibleFaults()).singleElement().satisfies(recorded -> {
            assertThat(recorded.plan().kind()).isEqualTo("rollout-restart");
            assertThat(recorded.evidence().ok()).isTrue();
            assertThat(recorded.evidence().observed()).isEqualTo(stamp);
        });
    }

    @Test
    void killMicroserviceDeletesTheDeploymentItsReplicaSetAndOneOfItsPods() throws Exception {
        cluster.client.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata()
                .withName("web").withNamespace("shop").endMetadata().build()).create();
        cluster.deployment("shop", "api", 1, 1);
        cluster.pod("shop", "web-a", Map.of("name", "web"), "Running");
        cluster.pod("shop", "web-b", Map.of("name", "web"), "Running");
        RecordingFaults faults = new RecordingFaults();

        KubeCall call = KubeCall.of(driver, "chaosk8s.actions.kill_microservice",
                Map.of("name", "web", "ns", "shop", "label_selector", "name={name}")).faults(faults);
        List<PlannedTarget> plan = call.plan();
        call.invoke();

        assertThat(plan).extracting(PlannedTarget::kind).containsExactly("delete-deployment", "pod-kill");
        assertThat(plan.get(0).selected()).extracting(PlannedTarget.Resource::name).containsExactly("web", "web");
        assertThat(cluster.client.apps().deployments().inNamespace("shop").withName("web").get()).isNull();
        assertThat(cluster.client.apps().replicaSets().inNamespace("shop").withName("web").get()).isNull();
        assertThat(cluster.client.apps().deployments().inNamespace("shop").withName("api").get()).isNotNull();
        assertThat(cluster.podNames("shop")).containsExactly("web-b");
        assertThat(faults.irreversibleFaults()).hasSize(2).allSatisfy(r -> assertThat(r.evidence().ok()).isTrue());
    }

    private int replicas(String name) {
        return cluster.client.apps().deployments().inNamespace("shop").withName(name).get().getSpec().getReplicas();
    }
}
