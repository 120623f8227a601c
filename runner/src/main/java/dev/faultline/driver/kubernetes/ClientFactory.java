package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Creates the client for a connection; tests hand in one that talks to a mock API server. */
@FunctionalInterface
interface ClientFactory {

    KubernetesClient connect(Connection connection) throws ActivityFailedException;
}
