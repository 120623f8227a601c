package dev.faultline.driver.kubernetes;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;

import java.util.function.Supplier;

/** A probe of the Kubernetes driver: a spec bound to a body that runs against the call's cluster. */
final class KubernetesProbe implements DriverFunction {

    private final FunctionSpec spec;
    private final ProbeBody body;
    private final Supplier<Clusters> clusters;

    KubernetesProbe(FunctionSpec spec, ProbeBody body, Supplier<Clusters> clusters) {
        this.spec = spec;
        this.body = body;
        this.clusters = clusters;
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        try {
            return body.run(clusters.get().open(call), call);
        } catch (RuntimeException e) {
            throw ApiErrors.translate(spec.primaryName(), e);
        }
    }
}
