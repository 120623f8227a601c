package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deprecated {@code chaosk8s.actions.kill_microservice(name, ns, label_selector)}: deletes the
 * deployment and the replica set called {@code name}, then one pod whose name contains
 * {@code name} among those matching {@code label_selector}. All of it is irreversible.
 *
 * <p>Unlike chaostoolkit-kubernetes, {@code {name}} in the label selector is replaced by the name
 * (upstream sends the braces to the API server, which rejects the selector after the deployment is
 * already gone).
 */
final class MicroserviceKill implements ActionBody {

    static final String KIND = "delete-deployment";

    @Override
    public List<PlannedTarget> plan(ClusterCall cluster, Invocation call) throws Exception {
        String namespace = namespace(call);
        String name = call.arguments().string("name");
        List<PlannedTarget> out = new ArrayList<>();
        List<PlannedTarget.Resource> owners = new ArrayList<>();
        for (Resource<? extends HasMetadata> resource : owners(cluster.client(), namespace, name)) {
            HasMetadata found = resource.get();
            if (found != null) {
                owners.add(new PlannedTarget.Resource(namespace, found.getMetadata().getName(),
                        found.getMetadata().getLabels()));
            }
        }
        out.add(new PlannedTarget(ClusterCall.DRIVER, KIND, cluster.target(Deployments.path(namespace, name)),
                namespace, owners, owners.size(), false,
                "would delete deployment and replica set [" + name + "] in namespace [" + namespace + "]"));
        out.addAll(pods(call).plan(cluster, call));
        return out;
    }

    @Override
    public Object run(ClusterCall cluster, Invocation call) throws Exception {
        String namespace = namespace(call);
        String name = call.arguments().string("name");
        Map<String, String> states = new LinkedHashMap<>();
        boolean ok = true;
        for (Resource<? extends HasMetadata> resource : owners(cluster.client(), namespace, name)) {
            HasMetadata found = resource.get();
            if (found == null) {
                continue;
            }
            resource.delete();
            HasMetadata after = resource.get();
            String state = after == null ? "gone" : after.getMetadata().getDeletionTimestamp() != null ? "terminating"
                    : "still present";
            ok &= !state.equals("still present");
            states.put(found.getKind() + "/" + name, state);
        }
        if (!states.isEmpty()) {
            String check = "deployment and replica set [" + name + "] are gone or terminating";
            call.faults().irreversible(new FaultPlan(ClusterCall.DRIVER, KIND,
                    cluster.target(Deployments.path(namespace, name)),
                    "deleted " + states.keySet() + " in namespace [" + namespace + "]", null),
                    ok ? Evidence.confirmed(check, states) : Evidence.missing(check, states));
            if (!ok) {
                throw new ActivityFailedException(call.function().primaryName() + ": deleting " + states.keySet()
                        + " in namespace [" + namespace + "] did not take effect: " + states);
            }
        }
        pods(call).run(cluster, call);
        return null;
    }

    private static List<Resource<? extends HasMetadata>> owners(KubernetesClient client, String namespace, String name) {
        Resource<Deployment> deployment = client.apps().deployments().inNamespace(namespace).withName(name);
        Resource<ReplicaSet> replicaSet = client.apps().replicaSets().inNamespace(namespace).withName(name);
        return List.of(deployment, replicaSet);
    }

    private static PodKill pods(Invocation call) {
        String name = call.arguments().string("name");
        String selector = call.arguments().optionalString("label_selector").orElse("name in ({name})")
                .replace("{name}", name);
        PodSelection one = new PodSelection(Pattern.compile(name),
                PodSelection.Mode.FIXED, 1, PodSelection.Order.ALPHABETIC);
        PodKillRequest request = new PodKillRequest(namespace(call), selector, one, null, null);
        return new PodKill((function, args) -> request);
    }

    private static String namespace(Invocation call) {
        return call.arguments().optionalString("ns").orElse("default");
    }
}
