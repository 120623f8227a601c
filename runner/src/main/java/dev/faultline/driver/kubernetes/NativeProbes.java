package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.Invocation;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Duration;

/** Faultline's own Kubernetes probes: counts and yes/no answers that tolerances check directly. */
final class NativeProbes {

    private NativeProbes() {
    }

    /** {@code kubernetes/ready-pods}: how many matching pods are Ready and not terminating. */
    static Object readyPods(ClusterCall cluster, Invocation call) {
        Arguments args = call.arguments();
        return (int) Pods.list(cluster.client(), args.optionalString("namespace").orElse("default"),
                args.optionalString("selector").orElse(null)).stream().filter(Pods::ready).count();
    }

    /**
     * {@code kubernetes/deployment-available}: whether every desired replica is updated and
     * available, waiting up to {@code wait} seconds for it. A missing deployment fails the probe.
     */
    static Object deploymentAvailable(ClusterCall cluster, Invocation call) throws Exception {
        Arguments args = call.arguments();
        String function = call.function().primaryName();
        String namespace = args.optionalString("namespace").orElse("default");
        String name = args.string("deployment");
        Deployments.require(cluster.client(), function, namespace, name);
        Duration wait = Poll.bounded(args.optionalNumber("wait").orElse(0.0), call.timeout());
        return Poll.until(wait, () -> {
            Deployment deployment = Deployments.get(cluster.client(), namespace, name);
            return deployment != null && available(deployment);
        });
    }

    private static boolean available(Deployment deployment) {
        int desired = Deployments.desired(deployment);
        return Deployments.available(deployment) >= desired && Deployments.updated(deployment) >= desired;
    }
}
