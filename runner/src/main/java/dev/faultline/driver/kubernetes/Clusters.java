package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Settings;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes clients of one driver: one per connection, created on first use and shared by
 * every later call. Each call gets a view whose requests time out with the call.
 */
final class Clusters {

    static final String SEED = "kubernetes_random_seed";

    private final ClientFactory factory;
    private final ConnectionResolver resolver;
    private final long seed;
    private final Map<Connection, KubernetesClient> clients = new ConcurrentHashMap<>();

    Clusters(ClientFactory factory, ConnectionResolver resolver, long seed) {
        this.factory = factory;
        this.resolver = resolver;
        this.seed = seed;
    }

    ClusterCall open(Invocation call) throws ActivityFailedException {
        Connection connection = resolver.resolve(call.configuration(), call.secrets());
        return open(connection, call.timeout(), seed(call.configuration()));
    }

    ClusterCall open(Connection connection, Duration timeout) throws ActivityFailedException {
        return open(connection, timeout, seed);
    }

    ConnectionResolver resolver() {
        return resolver;
    }

    private ClusterCall open(Connection connection, Duration timeout, long seed) throws ActivityFailedException {
        KubernetesClient shared = client(connection);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        RequestConfig bounded = new RequestConfigBuilder(shared.getConfiguration().getRequestConfig())
                .withRequestTimeout(millis)
                .build();
        KubernetesClient client = shared.newClient(bounded).adapt(KubernetesClient.class);
        String context = connection.context();
        NamedContext current = shared.getConfiguration().getCurrentContext();
        if (context == null && connection.source() == Connection.Source.KUBECONFIG && current != null) {
            context = current.getName();
        }
        return new ClusterCall(client, shared.getConfiguration().getMasterUrl(), context, connection, seed);
    }

    private KubernetesClient client(Connection connection) throws ActivityFailedException {
        KubernetesClient existing = clients.get(connection);
        if (existing != null) {
            return existing;
        }
        synchronized (clients) {
            existing = clients.get(connection);
            if (existing == null) {
                existing = factory.connect(connection);
                clients.put(connection, existing);
            }
            return existing;
        }
    }

    private long seed(Settings configuration) {
        Object value = configuration.get(SEED).orElse(null);
        if (value == null) {
            return seed;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration [" + SEED + "] must be an integer, but was [" + value + "]");
        }
    }
}
