package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scales a deployment. Reversible: the replica count is read first and the undo that restores it
 * is declared before the patch is sent; the evidence is {@code spec.replicas} read back.
 */
final class DeploymentScale implements ActionBody {

    static final String KIND = "scale";

    /** Reads a request from the arguments of one of the names this action answers to. */
    @FunctionalInterface
    interface Parser {
        ScaleRequest parse(String function, Arguments args);
    }

    private final Parser parser;
    private final boolean describeOutput;

    /**
     * @param describeOutput return what changed (native name) instead of {@code null} (Chaos
     *     Toolkit names, which return nothing)
     */
    DeploymentScale(Parser parser, boolean describeOutput) {
        this.parser = parser;
        this.describeOutput = describeOutput;
    }

    @Override
    public List<PlannedTarget> plan(ClusterCall cluster, Invocation call) throws Exception {
        String function = call.function().primaryName();
        ScaleRequest request = parser.parse(function, call.arguments());
        Deployment deployment = Deployments.require(cluster.client(), function, request.namespace(),
                request.deployment());
        return List.of(new PlannedTarget(ClusterCall.DRIVER, KIND,
                cluster.target(Deployments.path(request.namespace(), request.deployment())), request.namespace(),
                List.of(Deployments.resource(deployment)), 1, true,
                "would " + describe(request, Deployments.desired(deployment))));
    }

    @Override
    public Object run(ClusterCall cluster, Invocation call) throws Exception {
        String function = call.function().primaryName();
        ScaleRequest request = parser.parse(function, call.arguments());
        Deployment deployment = Deployments.require(cluster.client(), function, request.namespace(),
                request.deployment());
        int previous = Deployments.desired(deployment);
        FaultPlan fault = new FaultPlan(ClusterCall.DRIVER, KIND,
                cluster.target(Deployments.path(request.namespace(), request.deployment())),
                describe(request, previous),
                ScaleUndo.spec(cluster, request.namespace(), request.deployment(), previous));
        call.faults().inject(fault,
                () -> Deployments.scale(cluster.client(), request.namespace(), request.deployment(), request.replicas()),
                () -> ScaleUndo.readBack(cluster.client(), request.namespace(), request.deployment(),
                        request.replicas()));
        if (!describeOutput) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("namespace", request.namespace());
        out.put("deployment", request.deployment());
        out.put("previous", previous);
        out.put("replicas", request.replicas());
        return out;
    }

    private static String describe(ScaleRequest request, int from) {
        return "scale deployment [" + request.deployment() + "] in namespace [" + request.namespace() + "] from "
                + from + " to " + request.replicas() + " replicas";
    }

    static Evidence evidence(String namespace, String name, int expected, Integer observed) {
        String check = "deployment [" + name + "] in namespace [" + namespace + "] has spec.replicas " + expected;
        return observed != null && observed == expected ? Evidence.confirmed(check, observed)
                : Evidence.missing(check, observed);
    }
}
