package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.UndoSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Restores a deployment's replica count from an {@link UndoSpec} alone: the connection (kubeconfig
 * file, context, API server URL), namespace, deployment and previous count. Idempotent: a
 * deployment already at that count, or deleted since, is left alone.
 */
final class ScaleUndo {

    static final String ACTION = "restore-replicas";

    private ScaleUndo() {
    }

    static UndoSpec spec(ClusterCall cluster, String namespace, String deployment, int previous) {
        Map<String, Object> args = new LinkedHashMap<>(cluster.undoConnection());
        args.put("namespace", namespace);
        args.put("deployment", deployment);
        args.put("replicas", previous);
        return new UndoSpec(ClusterCall.DRIVER, ACTION, args);
    }

    static void undo(Clusters clusters, UndoSpec undo, Duration timeout) throws Exception {
        Connection connection = clusters.resolver().forUndo(undo.args());
        ClusterCall cluster = clusters.open(connection, timeout);
        String namespace = undo.arg("namespace");
        String name = undo.arg("deployment");
        int replicas = replicas(undo);
        Object recordedServer = undo.args().get("server");
        if (recordedServer != null && !sameServer(recordedServer.toString(), cluster.masterUrl())) {
            throw new ActivityFailedException("cannot restore deployment [" + name + "] in namespace [" + namespace
                    + "] to " + replicas + " replicas: " + connection.describe() + " now points at ["
                    + cluster.masterUrl() + "], but the fault was injected on [" + recordedServer
                    + "]; point the context back at that cluster and run the rollback again");
        }
        Deployment current = Deployments.get(cluster.client(), namespace, name);
        if (current == null) {
            return;
        }
        if (Deployments.desired(current) != replicas) {
            Deployments.scale(cluster.client(), namespace, name, replicas);
        }
        Evidence evidence = readBack(cluster.client(), namespace, name, replicas);
        if (!evidence.ok() && evidence.observed() != null) {
            throw new ActivityFailedException("restoring failed: expected " + evidence.check() + ", but read back ["
                    + evidence.observed() + "]");
        }
    }

    static Evidence readBack(KubernetesClient client, String namespace, String name, int expected) {
        Deployment now = Deployments.get(client, namespace, name);
        Integer observed = now == null || now.getSpec() == null ? null : now.getSpec().getReplicas();
        return DeploymentScale.evidence(namespace, name, expected, observed);
    }

    private static int replicas(UndoSpec undo) {
        String value = undo.arg("replicas");
        try {
            return (int) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("undo [" + undo.driver() + "/" + undo.action()
                    + "] has a replica count that is not a number [" + value + "]");
        }
    }

    private static boolean sameServer(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
