package dev.faultline.driver.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call's view of a cluster: a client whose every request is bounded by the call's timeout,
 * the cluster's identity for fault targets, and the seed random pod selection uses.
 *
 * @param masterUrl the API server URL, recorded with reversible faults so an undo can check it
 *     talks to the same cluster
 * @param context the kubeconfig context in use, or {@code null} outside kubeconfig
 */
record ClusterCall(KubernetesClient client, String masterUrl, String context, Connection connection, long seed) {

    static final String DRIVER = "kubernetes";

    /** {@code host:port} of the API server: the same cluster has the same identity whatever the context is called. */
    String server() {
        URI uri = URI.create(masterUrl);
        if (uri.getHost() == null) {
            return masterUrl;
        }
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** A stable fault target, e.g. {@code kubernetes://10.0.0.1:6443/namespaces/shop/deployments/web}. */
    String target(String path) {
        return "kubernetes://" + server() + path;
    }

    /** What an undo needs to reach this cluster again, without credentials. */
    Map<String, Object> undoConnection() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("connection", connection.source().name());
        if (connection.kubeconfig() != null) {
            args.put("kubeconfig", connection.kubeconfig());
        }
        if (context != null) {
            args.put("context", context);
        }
        args.put("server", masterUrl);
        return args;
    }
}
