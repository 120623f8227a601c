package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two API servers behind one kubeconfig: the context decides which one a call reaches. */
class KubernetesKubeconfigTest {

    @TempDir
    Path home;

    private MockCluster alpha;
    private MockCluster beta;
    private Path kubeconfig;
    private final AtomicInteger connects = new AtomicInteger();
    private KubernetesDriver driver;

    @BeforeEach
    void start() throws Exception {
        alpha = MockCluster.crud();
        beta = MockCluster.crud();
        alpha.pod("shop", "web-1", Map.of("app", "web"), "Running");
        beta.pod("shop", "web-1", Map.of("app", "web"), "Running");
        beta.pod("shop", "web-2", Map.of("app", "web"), "Running");
        beta.deployment("shop", "web", 3, 3);
        kubeconfig = Files.writeString(home.resolve("kubeconfig.yaml"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: a
                  cluster: {server: "%s"}
                - name: b
                  cluster: {server: "%s"}
                users:
                - name: tester
                  user: {token: not-checked}
                contexts:
                - name: alpha
                  context: {cluster: a, user: tester}
                - name: beta
                  context: {cluster: b, user: tester}
                current-context: alpha
                """.formatted(alpha.url(), beta.url()));
        ClientFactory counting = connection -> {
            connects.incrementAndGet();
            return KubernetesClients.connect(connection);
        };
        driver = new KubernetesDriver(counting, new ConnectionResolver(Map.of(), home, home.resolve("sa")), 1L);
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
    }

    @Test
    void theCurrentContextIsUsedUnlessConfigurationNamesAnother() throws Exception {
        assertThat(countPods(Map.of("kubeconfig_path", kubeconfig.toString()))).isEqualTo(1);
        assertThat(countPods(Map.of("kubeconfig_path", kubeconfig.toString(), "kubernetes_context", "beta")))
                .isEqualTo(2);
    }

    @Test
    void chaosToolkitsContextSecretSelectsTheContextToo() throws Exception {
        Object count = KubeCall.of(driver, "chaosk8s.pod.probes.count_pods", Map.of("label_selector", "app=web",
                "ns", "shop")).config(Map.of("kubeconfig_path", kubeconfig.toString()))
                .secrets(Map.of("KUBERNETES_CONTEXT", "beta")).invoke();
        assertThat(count).isEqualTo(2);
    }

    @Test
    void anUnknownContextNamesTheKnownOnes() {
        assertThatThrownBy(() -> countPods(Map.of("kubeconfig_path", kubeconfig.toString(),
                "kubernetes_context", "gamma")))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("[gamma]").hasMessageContaining("alpha").hasMessageContaining("beta");
    }

    @Test
    void oneClientPerConnectionIsCreatedOnFirstUseAndShared() throws Exception {
        assertThat(connects).hasValue(0);
        countPods(Map.of("kubeconfig_path", kubeconfig.toString()));
        countPods(Map.of("kubeconfig_path", kubeconfig.toString()));
        assertThat(connects).hasValue(1);
        countPods(Map.of("kubeconfig_path", kubeconfig.toString(), "kubernetes_context", "beta"));
        assertThat(connects).hasValue(2);
    }

    @Test
    void theUndoRecordsTheContextAndFileSoItReachesTheSameClusterLater() throws Exception {
        RecordingFaults faults = new RecordingFaults();
        KubeCall.of(driver, "kubernetes/scale", Map.of("namespace", "shop", "deployment", "web", "replicas", 0))
                .config(Map.of("kubeconfig_path", kubeconfig.toString(), "kubernetes_context", "beta"))
                .faults(faults).invoke();

        assertThat(faults.injected().get(0).plan().undo().args())
                .containsEntry("connection", "KUBECONFIG").containsEntry("kubeconfig", kubeconfig.toString())
                .containsEntry("context", "beta").containsEntry("server", beta.url());
        faults.undoAll(new KubernetesDriver(KubernetesClients::connect,
                new ConnectionResolver(Map.of(), home, home.resolve("sa")), 2L));
        assertThat(beta.client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getReplicas())
                .isEqualTo(3);
    }

    @Test
    void theRunLockLivesInTheConfiguredNamespaceOfTheSelectedCluster() throws Exception {
        RunLease lease = driver.runLease(new Settings(Map.of("kubeconfig_path", kubeconfig.toString(),
                "kubernetes_context", "beta", KubernetesDriver.LOCK_NAMESPACE, "chaos")), Map.of(), Duration.ofSeconds(5));

        assertThat(lease.acquire(List.of("t"), "run-a", Duration.ofSeconds(30)).acquired()).isTrue();
        assertThat(beta.client.leases().inNamespace("chaos").withName(RunLease.leaseName(List.of("t"))).get())
                .isNotNull();
        assertThat(alpha.client.leases().inAnyNamespace().list().getItems()).isEmpty();
    }

    private Object countPods(Map<String, Object> config) throws Exception {
        return KubeCall.of(driver, "chaosk8s.pod.probes.count_pods", Map.of("label_selector", "app=web", "ns", "shop"))
                .config(config).invoke();
    }
}
