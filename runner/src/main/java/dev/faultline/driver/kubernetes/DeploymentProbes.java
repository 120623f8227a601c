package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.Invocation;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The {@code chaosk8s.deployment.probes} functions with chaostoolkit-kubernetes 0.39's arguments
 * and raise-or-return-false switches. Missing replica counts read as 0.
 */
final class DeploymentProbes {

    private DeploymentProbes() {
    }

    /** {@code deployment_available_and_healthy}: every desired replica is available. */
    static Object availableAndHealthy(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        return check(cluster, call, "raise_on_unavailable",
                d -> Deployments.available(d) == Deployments.desired(d), "is not healthy");
    }

    /** {@code deployment_partially_available}: at least one replica is available. */
    static Object partiallyAvailable(ClusterCall cluster, Invocation call) throws ActivityFailedException {
        return check(cluster, call, "raise_on_not_partially_available", d -> Deployments.available(d) >= 1,
                "is not healthy");
    }

    /** {@code deployment_fully_available}: waits up to {@code timeout} s for every replica to be ready. */
    static Object fullyAvailable(ClusterCall cluster, Invocation call) throws Exception {
        return await(cluster, call, "raise_on_not_fully_available", d -> Deployments.ready(d) == Deployments.desired(d),
                "failed to recover");
    }

    /** {@code deployment_not_fully_available}: waits up to {@code timeout} s for a replica to be missing. */
    static Object notFullyAvailable(ClusterCall cluster, Invocation call) throws Exception {
        return await(cluster, call, "raise_on_fully_available", d -> Deployments.ready(d) != Deployments.desired(d),
                "failed to stop running");
    }

    private static Object check(ClusterCall cluster, Invocation call, String raiseArgument,
                                Predicate<Deployment> healthy, String problem) throws ActivityFailedException {
        Arguments args = call.arguments();
        String name = args.string("name");
        String namespace = args.optionalString("ns").orElse("default");
        boolean raise = args.optionalBool(raiseArgument).orElse(true);
        Deployment deployment = Deployments.find(cluster.client(), namespace, name,
                args.optionalString("label_selector").orElse(null));
        if (deployment == null) {
            return PodProbes.fail(call, raise, "deployment [" + name + "] was not found in namespace [" + namespace + "]");
        }
        if (!healthy.test(deployment)) {
            return PodProbes.fail(call, raise, "deployment [" + name + "] in namespace [" + namespace + "] " + problem
                    + ": " + Deployments.available(deployment) + " of " + Deployments.desired(deployment)
                    + " replicas available");
        }
        return true;
    }

    private static Object await(ClusterCall cluster, Invocation call, String raiseArgument,
                                Predicate<Deployment> state, String problem) throws Exception {
        Arguments args = call.arguments();
        String name = args.string("name");
        String namespace = args.optionalString("ns").orElse("default");
        String selector = args.optionalString("label_selector").map(s -> s.replace("{name}", name)).orElse(null);
        boolean raise = args.optionalBool(raiseArgument).orElse(true);
        double seconds = args.optionalNumber("timeout").orElse(30.0);
        Duration wait = Poll.bounded(seconds, call.timeout());
        boolean reached = Poll.until(wait, () -> {
            Deployment deployment = Deployments.find(cluster.client(), namespace, name, selector);
            return deployment != null && state.test(deployment);
        });
        if (reached) {
            return true;
        }
        return PodProbes.fail(call, raise, "deployment [" + name + "] in namespace [" + namespace + "] " + problem
                + " within [" + wait.toMillis() / 1000.0 + "] s");
    }
}
