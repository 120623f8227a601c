package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;

import java.util.List;
import java.util.function.Supplier;

import static dev.faultline.driver.Param.Type.INTEGER;
import static dev.faultline.driver.Param.Type.NUMBER;
import static dev.faultline.driver.Param.Type.STRING;

/**
 * Faultline's own {@code kubernetes/*} functions: kebab-case arguments, {@code namespace} spelled
 * out, random pod order by default, and a selector or name pattern required for kills. Declares
 * specs only; bodies are bound through lambdas.
 */
final class NativeFunctions {

    static final FunctionSpec KILL_PODS = FunctionSpec.action("kubernetes/kill-pods")
            .optional("namespace", STRING, "default")
            .optional("selector", STRING, null)
            .optional("name-pattern", STRING, null)
            .optional("mode", STRING, "fixed")
            .optional("qty", INTEGER, 1)
            .optional("order", STRING, "random")
            .optional("grace-period", INTEGER, null)
            .optional("seed", INTEGER, null)
            .summary("Delete pods matching a label selector and/or name pattern: mode fixed (qty pods), percentage"
                    + " (qty %, rounded up) or all; order random, oldest or alphabetic. Irreversible.")
            .build();

    static final FunctionSpec SCALE = FunctionSpec.action("kubernetes/scale")
            .optional("namespace", STRING, "default")
            .required("deployment", STRING)
            .required("replicas", INTEGER)
            .summary("Set a deployment's replica count; the previous count is restored when the run ends.")
            .build();

    static final FunctionSpec ROLLOUT_RESTART = FunctionSpec.action("kubernetes/rollout-restart")
            .optional("namespace", STRING, "default")
            .required("deployment", STRING)
            .summary("Restart every pod of a deployment, as `kubectl rollout restart` does.")
            .build();

    static final FunctionSpec READY_PODS = FunctionSpec.probe("kubernetes/ready-pods")
            .optional("namespace", STRING, "default")
            .optional("selector", STRING, null)
            .summary("Number of matching pods that are Ready and not terminating.")
            .build();

    static final FunctionSpec DEPLOYMENT_AVAILABLE = FunctionSpec.probe("kubernetes/deployment-available")
            .optional("namespace", STRING, "default")
            .required("deployment", STRING)
            .optional("wait", NUMBER, 0)
            .summary("True when every desired replica is updated and available, waiting up to [wait] seconds.")
            .build();

    private NativeFunctions() {
    }

    static List<DriverFunction> all(Supplier<Clusters> clusters) {
        return List.of(
                new KubernetesAction(KILL_PODS, () -> new PodKill(PodKillRequest::killPods), clusters),
                new KubernetesAction(SCALE, () -> new DeploymentScale(ScaleRequest::nativeArgs, true), clusters),
                new KubernetesAction(ROLLOUT_RESTART, () -> new DeploymentRollout("namespace", "deployment"), clusters),
                new KubernetesProbe(READY_PODS, (cluster, call) -> NativeProbes.readyPods(cluster, call), clusters),
                new KubernetesProbe(DEPLOYMENT_AVAILABLE,
                        (cluster, call) -> NativeProbes.deploymentAvailable(cluster, call), clusters));
    }
}
