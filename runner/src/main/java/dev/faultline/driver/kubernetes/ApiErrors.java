package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Turns fabric8's exceptions into messages a user can act on: refused (RBAC), unreachable or
 * slow API server, or the API server's own message. Anything else passes through unchanged.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static Exception translate(String function, RuntimeException failure) {
        if (!(failure instanceof KubernetesClientException e)) {
            return failure;
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : withCause(e);
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new ActivityFailedException(function + ": the Kubernetes API refused the request (" + e.getCode()
                    + "): " + message + "; grant the run's identity the verbs listed under RBAC in"
                    + " docs/drivers/kubernetes.md", e);
        }
        if (e.getCode() <= 0 && (caused(e, TimeoutException.class) || caused(e, InterruptedIOException.class)
                || caused(e, HttpTimeoutException.class))) {
            return new ActivityFailedException(function + ": the Kubernetes API did not answer in time: " + message
                    + "; raise the activity's timeout or check the API server", e);
        }
        if (e.getCode() <= 0 && caused(e, ConnectException.class)) {
            return new ActivityFailedException(function + ": cannot reach the Kubernetes API: " + message
                    + "; check the kubeconfig context and the network", e);
        }
        return new ActivityFailedException(function + ": Kubernetes API error"
                + (e.getCode() > 0 ? " (" + e.getCode() + ")" : "") + ": " + message, e);
    }

    /** fabric8's own message only names the operation; the root cause says what went wrong. */
    private static String withCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage().trim() + " (" + root.getMessage() + ")";
    }

    private static boolean caused(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
