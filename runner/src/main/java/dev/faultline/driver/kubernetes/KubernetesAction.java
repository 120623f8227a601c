package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

import java.util.List;
import java.util.function.Supplier;

/**
 * An action of the Kubernetes driver. Its body is created on first use, so declaring the action
 * loads no Kubernetes client classes.
 */
final class KubernetesAction implements DriverFunction, Plannable {

    private final FunctionSpec spec;
    private final Supplier<ActionBody> body;
    private final Supplier<Clusters> clusters;

    KubernetesAction(FunctionSpec spec, Supplier<ActionBody> body, Supplier<Clusters> clusters) {
        this.spec = spec;
        this.body = body;
        this.clusters = clusters;
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) throws Exception {
        try {
            return body.get().plan(clusters.get().open(call), call);
        } catch (RuntimeException e) {
            throw ApiErrors.translate(spec.primaryName(), e);
        }
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        try {
            return body.get().run(clusters.get().open(call), call);
        } catch (RuntimeException e) {
            throw ApiErrors.translate(spec.primaryName(), e);
        }
    }
}
