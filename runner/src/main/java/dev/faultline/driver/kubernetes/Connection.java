package dev.faultline.driver.kubernetes;

import java.util.Map;
import java.util.Objects;

/**
 * Which cluster to talk to and how to log in, resolved from configuration, secrets and the
 * environment before any client exists. Equal connections share one client.
 *
 * @param source where the cluster address and credentials come from
 * @param kubeconfig the kubeconfig file, for {@link Source#KUBECONFIG}
 * @param context the kubeconfig context, or {@code null} for the file's current context
 * @param credentials Chaos Toolkit style {@code KUBERNETES_*} values, for {@link Source#CREDENTIALS}
 */
record Connection(Source source, String kubeconfig, String context, Map<String, String> credentials) {

    /** Where a connection's address and credentials come from. */
    enum Source {
        /** A kubeconfig file, optionally with a named context. */
        KUBECONFIG,
        /** The pod's service account (address from {@code KUBERNETES_SERVICE_HOST}). */
        IN_CLUSTER,
        /** {@code KUBERNETES_HOST} and friends, from secrets or the environment. */
        CREDENTIALS
    }

    Connection {
        Objects.requireNonNull(source, "source");
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        if (source == Source.KUBECONFIG && kubeconfig == null) {
            throw new IllegalArgumentException("a kubeconfig connection needs a file");
        }
    }

    static Connection kubeconfig(String file, String context) {
        return new Connection(Source.KUBECONFIG, file, context, Map.of());
    }

    static Connection inCluster() {
        return new Connection(Source.IN_CLUSTER, null, null, Map.of());
    }

    static Connection credentials(Map<String, String> values) {
        return new Connection(Source.CREDENTIALS, null, null, values);
    }

    /** For messages: never shows credentials. */
    String describe() {
        return switch (source) {
            case KUBECONFIG -> "kubeconfig [" + kubeconfig + "]"
                    + (context == null ? " (current context)" : " context [" + context + "]");
            case IN_CLUSTER -> "the pod's service account";
            case CREDENTIALS -> "KUBERNETES_HOST [" + credentials.get("KUBERNETES_HOST") + "]";
        };
    }

    @Override
    public String toString() {
        return "Connection[" + describe() + "]";
    }
}
