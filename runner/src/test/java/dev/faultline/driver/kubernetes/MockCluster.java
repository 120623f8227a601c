package dev.faultline.driver.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode (objects are stored, listed by equality label selectors,
 * patched and deleted; no controllers run), with a driver that reaches it through the real client
 * factory, as a {@code KUBERNETES_HOST} connection.
 */
final class MockCluster implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient client;

    private MockCluster(KubernetesMockServer server) {
        this.server = server;
        server.init();
        this.client = server.createClient();
    }

    static MockCluster crud() {
        return new MockCluster(new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false));
    }

    /** Answers only the expectations a test sets with {@code server.expect()}. */
    static MockCluster expectations() {
        return new MockCluster(new KubernetesMockServer(false));
    }

    String url() {
        return server.url("/");
    }

    KubernetesDriver driver(Path home) {
        return driver(home, 42L);
    }

    KubernetesDriver driver(Path home, long seed) {
        return new KubernetesDriver(KubernetesClients::connect, resolver(home), seed);
    }

    ConnectionResolver resolver(Path home) {
        return new ConnectionResolver(Map.of("KUBERNETES_HOST", url()), home, home.resolve("no-service-account"));
    }

    Pod pod(String namespace, String name, Map<String, String> labels, String phase) {
        return client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus()
                .build()).create();
    }

    Pod readyPod(String namespace, String name, Map<String, String> labels, boolean ready) {
        return client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewCondition().withType("ContainersReady").withStatus(ready ? "True" : "False").endCondition()
                .endStatus()
                .build()).create();
    }

    Deployment deployment(String namespace, String name, int replicas, int available) {
        return client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer().endSpec()
                .endTemplate().endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(available).withAvailableReplicas(available)
                .withUpdatedReplicas(replicas).endStatus()
                .build()).create();
    }

    /** Sets a deployment's status the way its controller would. */
    void status(String namespace, String name, int ready, int available) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.getStatus().setReadyReplicas(ready);
            d.getStatus().setAvailableReplicas(available);
            return d;
        });
    }

    List<String> podNames(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream().map(p -> p.getMetadata().getName())
                .sorted().toList();
    }

    /** Every request the server has received and not yet handed out. */
    List<RecordedRequest> takeRequests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            out.add(request);
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
