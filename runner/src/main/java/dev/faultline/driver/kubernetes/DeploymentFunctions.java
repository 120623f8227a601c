package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;

import java.util.List;
import java.util.function.Supplier;

import static dev.faultline.driver.Param.Type.BOOLEAN;
import static dev.faultline.driver.Param.Type.INTEGER;
import static dev.faultline.driver.Param.Type.NUMBER;
import static dev.faultline.driver.Param.Type.STRING;

/**
 * The Chaos Toolkit deployment functions ({@code chaosk8s.deployment.*} and the older names in
 * {@code chaosk8s.actions} / {@code chaosk8s.probes}), with chaostoolkit-kubernetes 0.39's
 * arguments and defaults. Declares specs only; bodies are bound through lambdas.
 */
final class DeploymentFunctions {

    static final FunctionSpec SCALE = FunctionSpec.action("chaosk8s.deployment.actions.scale_deployment",
                    "chaosk8s.actions.scale_deployment", "chaosk8s.actions.scale_microservice")
            .required("name", STRING)
            .required("replicas", INTEGER)
            .optional("ns", STRING, "default")
            .summary("Set a deployment's replica count; undone (the previous count restored) at the end of the run.")
            .build();

    static final FunctionSpec ROLLOUT = FunctionSpec.action("chaosk8s.deployment.actions.rollout_deployment")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .summary("Restart every pod of a deployment, as `kubectl rollout restart` does.")
            .build();

    static final FunctionSpec KILL_MICROSERVICE = FunctionSpec.action("chaosk8s.actions.kill_microservice")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, "name in ({name})")
            .summary("Deprecated upstream: delete the deployment and replica set called name, then one of its pods."
                    + " Irreversible.")
            .build();

    static final FunctionSpec AVAILABLE_AND_HEALTHY = FunctionSpec.probe(
                    "chaosk8s.deployment.probes.deployment_available_and_healthy",
                    "chaosk8s.probes.deployment_available_and_healthy",
                    "chaosk8s.probes.microservice_available_and_healthy")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, null)
            .optional("raise_on_unavailable", BOOLEAN, true)
            .summary("True when every desired replica of the deployment is available.")
            .build();

    static final FunctionSpec PARTIALLY_AVAILABLE = FunctionSpec.probe(
                    "chaosk8s.deployment.probes.deployment_partially_available")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, null)
            .optional("raise_on_not_partially_available", BOOLEAN, true)
            .summary("True when at least one replica of the deployment is available.")
            .build();

    static final FunctionSpec FULLY_AVAILABLE = FunctionSpec.probe(
                    "chaosk8s.deployment.probes.deployment_fully_available",
                    "chaosk8s.probes.deployment_fully_available", "chaosk8s.probes.deployment_is_fully_available")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, null)
            .optional("timeout", NUMBER, 30)
            .optional("raise_on_not_fully_available", BOOLEAN, true)
            .summary("Wait up to timeout seconds until every desired replica is ready.")
            .build();

    static final FunctionSpec NOT_FULLY_AVAILABLE = FunctionSpec.probe(
                    "chaosk8s.deployment.probes.deployment_not_fully_available",
                    "chaosk8s.probes.deployment_not_fully_available",
                    "chaosk8s.probes.deployment_is_not_fully_available")
            .required("name", STRING)
            .optional("ns", STRING, "default")
            .optional("label_selector", STRING, null)
            .optional("timeout", NUMBER, 30)
            .optional("raise_on_fully_available", BOOLEAN, true)
            .summary("Wait up to timeout seconds until some desired replica is not ready.")
            .build();

    private DeploymentFunctions() {
    }

    static List<DriverFunction> all(Supplier<Clusters> clusters) {
        return List.of(
                new KubernetesAction(SCALE, () -> new DeploymentScale(ScaleRequest::chaosToolkit, false), clusters),
                new KubernetesAction(ROLLOUT, () -> new DeploymentRollout("ns", "name"), clusters),
                new KubernetesAction(KILL_MICROSERVICE, () -> new MicroserviceKill(), clusters),
                new KubernetesProbe(AVAILABLE_AND_HEALTHY,
                        (cluster, call) -> DeploymentProbes.availableAndHealthy(cluster, call), clusters),
                new KubernetesProbe(PARTIALLY_AVAILABLE,
                        (cluster, call) -> DeploymentProbes.partiallyAvailable(cluster, call), clusters),
                new KubernetesProbe(FULLY_AVAILABLE,
                        (cluster, call) -> DeploymentProbes.fullyAvailable(cluster, call), clusters),
                new KubernetesProbe(NOT_FULLY_AVAILABLE,
                        (cluster, call) -> DeploymentProbes.notFullyAvailable(cluster, call), clusters));
    }
}
