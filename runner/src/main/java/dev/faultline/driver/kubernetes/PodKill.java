package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Arguments;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes pods picked by a {@link PodSelection}. Irreversible: once deleted, the pods are recorded
 * with the evidence, read back from the API server, that each one is gone, replaced or
 * terminating; a pod still running afterwards fails the activity.
 */
final class PodKill implements ActionBody {

    static final String KIND = "pod-kill";

    /** Reads a request from the arguments of one of the names this action answers to. */
    @FunctionalInterface
    interface Parser {
        PodKillRequest parse(String function, Arguments args);
    }

    private record Picked(PodKillRequest request, List<PodRef> pods, int eligible, String target) {
        String describe() {
            return pods.size() + " of " + eligible + " " + request.describeMatch() + " in namespace ["
                    + request.namespace() + "] (" + request.selection().describe() + ")";
        }
    }

    private final Parser parser;

    PodKill(Parser parser) {
        this.parser = parser;
    }

    @Override
    public List<PlannedTarget> plan(ClusterCall cluster, Invocation call) {
        Picked picked = pick(cluster, call);
        return List.of(new PlannedTarget(ClusterCall.DRIVER, KIND, picked.target(), picked.request().namespace(),
                picked.pods().stream().map(PodRef::resource).toList(), picked.eligible(), false,
                "would kill " + picked.describe()));
    }

    @Override
    public Object run(ClusterCall cluster, Invocation call) throws Exception {
        Picked picked = pick(cluster, call);
        PodKillRequest request = picked.request();
        List<PodRef> deleted = new ArrayList<>();
        KubernetesClientException failure = null;
        for (PodRef pod : picked.pods()) {
            try {
                delete(cluster.client(), pod, request.gracePeriodSeconds());
                deleted.add(pod);
            } catch (KubernetesClientException e) {
                failure = e;
                break;
            }
        }
        if (!deleted.isEmpty()) {
            Evidence evidence = evidence(cluster.client(), deleted);
            FaultPlan fault = new FaultPlan(ClusterCall.DRIVER, KIND, picked.target(),
                    "killed " + picked.describe() + ": " + names(deleted), null);
            call.faults().irreversible(fault, evidence);
            if (!evidence.ok()) {
                List<String> alive = ((Map<?, ?>) evidence.observed()).entrySet().stream()
                        .filter(e -> "still running".equals(e.getValue())).map(e -> String.valueOf(e.getKey())).toList();
                throw new ActivityFailedException("pod kill did not take effect: pods " + alive + " in namespace ["
                        + request.namespace() + "] are still running after being deleted; check the pods' finalizers"
                        + " and that the run may delete pods there");
            }
        }
        if (failure != null) {
            throw new ActivityFailedException("could not delete pod [" + picked.pods().get(deleted.size()).name()
                    + "] in namespace [" + request.namespace() + "] (deleted before it: " + names(deleted) + "): "
                    + failure.getMessage(), failure);
        }
        return names(deleted);
    }

    private Picked pick(ClusterCall cluster, Invocation call) {
        PodKillRequest request = parser.parse(call.function().primaryName(), call.arguments());
        List<PodRef> pods = Pods.list(cluster.client(), request.namespace(), request.labelSelector()).stream()
                .map(Pods::ref).toList();
        long seed = request.seed() != null ? request.seed() : cluster.seed();
        List<PodRef> chosen = request.selection().pick(pods, seed);
        int eligible = request.selection().eligible(pods).size();
        return new Picked(request, chosen, eligible, cluster.target(request.targetPath()));
    }

    private static void delete(KubernetesClient client, PodRef pod, Long gracePeriodSeconds) {
        var resource = client.pods().inNamespace(pod.namespace()).withName(pod.name());
        if (gracePeriodSeconds == null) {
            resource.delete();
        } else {
            resource.withGracePeriod(gracePeriodSeconds).delete();
        }
    }

    /** Each deleted pod must be gone, replaced by a new pod of the same name, or terminating. */
    private static Evidence evidence(KubernetesClient client, List<PodRef> deleted) {
        Map<String, String> states = new LinkedHashMap<>();
        boolean ok = true;
        for (PodRef pod : deleted) {
            Pod now = client.pods().inNamespace(pod.namespace()).withName(pod.name()).get();
            String state;
            if (now == null) {
                state = "gone";
            } else if (pod.uid() != null && !pod.uid().equals(now.getMetadata().getUid())) {
                state = "replaced";
            } else if (now.getMetadata().getDeletionTimestamp() != null) {
                state = "terminating";
            } else {
                state = "still running";
                ok = false;
            }
            states.put(pod.name(), state);
        }
        String check = "deleted pods " + names(deleted) + " are gone, replaced or terminating";
        return ok ? Evidence.confirmed(check, states) : Evidence.missing(check, states);
    }

    private static List<String> names(List<PodRef> pods) {
        return pods.stream().map(PodRef::name).toList();
    }
}
