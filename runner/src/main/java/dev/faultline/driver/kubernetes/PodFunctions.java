package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;

import java.util.List;
import java.util.function.Supplier;

import static dev.faultline.driver.Param.Type.BOOLEAN;
import static dev.faultline.driver.Param.Type.INTEGER;
import static dev.faultline.driver.Param.Type.LIST;
import static dev.faultline.driver.Param.Type.STRING;

/**
 * The Chaos Toolkit pod functions ({@code chaosk8s.pod.*} and the names {@code chaosk8s.actions} /
 * {@code chaosk8s.probes} still export), with chaostoolkit-kubernetes 0.39's arguments and defaults.
 * Declares specs only: bodies are bound through lambdas, so no Kubernetes client class is loaded here.
 */
final class PodFunctions {

    static final FunctionSpec TERMINATE_PODS = FunctionSpec.action("chaosk8s.pod.actions.terminate_pods")
            .optional("label_selector", STRING, null)
            .optional("name_pattern", STRING, null)
            .optional("all", BOOLEAN, false)
            .optional("rand", BOOLEAN, false)
            .optional("mode", STRING, "fixed")
            .optional("qty", INTEGER, 1)
            .optional("grace_period", INTEGER, -1)
            .optional("ns", STRING, "default")
            .optional("order", STRING, "alphabetic")
            .summary("Delete pods picked by label and name pattern: qty of them, a percentage (rounded up) or all;"
                    + " returns the deleted pod names.")
            .build();

    static final FunctionSpec DELETE_PODS = FunctionSpec.action("chaosk8s.pod.actions.delete_pods",
                    "chaosk8s.actions.delete_pods")
            .optional("name", STRING, null)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, null)
            .summary("Deprecated upstream: delete one pod whose name matches [name] among those matching the label selector.")
            .build();

    static final FunctionSpec PODS_IN_PHASE = FunctionSpec.probe("chaosk8s.pod.probes.pods_in_phase")
            .required("label_selector", STRING)
            .optional("phase", STRING, "Running")
            .optional("ns", STRING, "default")
            .optional("raise_on_invalid_phase", BOOLEAN, true)
            .summary("True when every matching pod is in the phase; fails (or returns false) otherwise or when none match.")
            .build();

    static final FunctionSpec PODS_NOT_IN_PHASE = FunctionSpec.probe("chaosk8s.pod.probes.pods_not_in_phase")
            .required("label_selector", STRING)
            .optional("phase", STRING, "Running")
            .optional("ns", STRING, "default")
            .optional("raise_on_in_phase", BOOLEAN, true)
            .summary("True when no matching pod is in the phase; fails (or returns false) otherwise or when none match.")
            .build();

    static final FunctionSpec PODS_IN_CONDITIONS = FunctionSpec.probe("chaosk8s.pod.probes.pods_in_conditions")
            .required("label_selector", STRING)
            .required("conditions", LIST)
            .optional("ns", STRING, "default")
            .optional("raise_on_invalid_conditions", BOOLEAN, true)
            .summary("True when every matching pod has every {type, status} condition given.")
            .build();

    static final FunctionSpec COUNT_PODS = FunctionSpec.probe("chaosk8s.pod.probes.count_pods")
            .required("label_selector", STRING)
            .optional("phase", STRING, null)
            .optional("ns", STRING, "default")
            .summary("Number of matching pods, only those in the phase when one is given.")
            .build();

    static final FunctionSpec COUNT_MIN_PODS = FunctionSpec.probe("chaosk8s.pod.probes.count_min_pods")
            .required("label_selector", STRING)
            .optional("phase", STRING, "Running")
            .optional("min_count", INTEGER, 2)
            .optional("ns", STRING, "default")
            .summary("True when at least min_count matching pods are in the phase.")
            .build();

    static final FunctionSpec ALL_PODS_HEALTHY = FunctionSpec.probe("chaosk8s.pod.probes.all_pods_healthy",
                    "chaosk8s.probes.all_pods_healthy", "chaosk8s.probes.all_microservices_healthy")
            .optional("ns", STRING, "default")
            .optional("raise_on_any_unhealthy", BOOLEAN, true)
            .summary("True when every pod of the namespace is Running or Succeeded.")
            .build();

    static final FunctionSpec POD_IS_NOT_AVAILABLE = FunctionSpec.probe("chaosk8s.pod.probes.pod_is_not_available",
                    "chaosk8s.probes.pod_is_not_available", "chaosk8s.probes.microservice_is_not_available")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, "name in ({name})")
            .optional("raise_on_is_available", BOOLEAN, true)
            .summary("True when no pod labelled with the name is Running.")
            .build();

    private PodFunctions() {
    }

    static List<DriverFunction> all(Supplier<Clusters> clusters) {
        return List.of(
                new KubernetesAction(TERMINATE_PODS, () -> new PodKill(PodKillRequest::terminatePods), clusters),
                new KubernetesAction(DELETE_PODS, () -> new PodKill(PodKillRequest::deletePods), clusters),
                new KubernetesProbe(PODS_IN_PHASE, (cluster, call) -> PodProbes.inPhase(cluster, call), clusters),
                new KubernetesProbe(PODS_NOT_IN_PHASE, (cluster, call) -> PodProbes.notInPhase(cluster, call), clusters),
                new KubernetesProbe(PODS_IN_CONDITIONS, (cluster, call) -> PodProbes.inConditions(cluster, call), clusters),
                new KubernetesProbe(COUNT_PODS, (cluster, call) -> PodProbes.count(cluster, call), clusters),
                new KubernetesProbe(COUNT_MIN_PODS, (cluster, call) -> PodProbes.countMin(cluster, call), clusters),
                new KubernetesProbe(ALL_PODS_HEALTHY, (cluster, call) -> PodProbes.allHealthy(cluster, call), clusters),
                new KubernetesProbe(POD_IS_NOT_AVAILABLE, (cluster, call) -> PodProbes.notAvailable(cluster, call),
                        clusters));
    }
}
