package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Restarts a deployment's pods the way {@code kubectl rollout restart} does: by stamping the pod
 * template with {@value #ANNOTATION}. There is nothing to undo (the pods are replaced by equal
 * ones), so it is recorded as irreversible, with the stamp read back as evidence.
 */
final class DeploymentRollout implements ActionBody {

    static final String KIND = "rollout-restart";
    static final String ANNOTATION = "kubectl.kubernetes.io/restartedAt";

    private final String namespaceArgument;
    private final String nameArgument;

    DeploymentRollout(String namespaceArgument, String nameArgument) {
        this.namespaceArgument = namespaceArgument;
        this.nameArgument = nameArgument;
    }

    @Override
    public List<PlannedTarget> plan(ClusterCall cluster, Invocation call) throws Exception {
        String namespace = call.arguments().optionalString(namespaceArgument).orElse("default");
        String name = call.arguments().string(nameArgument);
        Deployment deployment = Deployments.require(cluster.client(), call.function().primaryName(), namespace, name);
        return List.of(new PlannedTarget(ClusterCall.DRIVER, KIND, cluster.target(Deployments.path(namespace, name)),
                namespace, List.of(Deployments.resource(deployment)), 1, false,
                "would restart every pod of deployment [" + name + "] in namespace [" + namespace + "]"));
    }

    @Override
    public Object run(ClusterCall cluster, Invocation call) throws Exception {
        String function = call.function().primaryName();
        String namespace = call.arguments().optionalString(namespaceArgument).orElse("default");
        String name = call.arguments().string(nameArgument);
        Deployments.require(cluster.client(), function, namespace, name);
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Deployments.patch(cluster.client(), namespace, name,
                "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + ANNOTATION + "\":\"" + stamp + "\"}}}}}");
        Deployment now = Deployments.get(cluster.client(), namespace, name);
        Map<String, String> annotations = now == null || now.getSpec().getTemplate().getMetadata() == null ? null
                : now.getSpec().getTemplate().getMetadata().getAnnotations();
        String observed = annotations == null ? null : annotations.get(ANNOTATION);
        String check = "pod template of deployment [" + name + "] is stamped " + ANNOTATION + "=" + stamp;
        Evidence evidence = stamp.equals(observed) ? Evidence.confirmed(check, observed) : Evidence.missing(check, observed);
        call.faults().irreversible(new FaultPlan(ClusterCall.DRIVER, KIND,
                cluster.target(Deployments.path(namespace, name)),
                "restarted every pod of deployment [" + name + "] in namespace [" + namespace + "]", null), evidence);
        if (!evidence.ok()) {
            throw new ActivityFailedException(function + ": restart of deployment [" + name + "] did not take effect: "
                    + ANNOTATION + " reads [" + observed + "] instead of [" + stamp + "]");
        }
        return null;
    }
}
