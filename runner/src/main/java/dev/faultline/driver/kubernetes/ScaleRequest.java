package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;

import java.util.Objects;

/** A deployment scale as asked for, whichever name it was called by. */
record ScaleRequest(String namespace, String deployment, int replicas) {

    ScaleRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(deployment, "deployment");
    }

    /** {@code chaosk8s.deployment.actions.scale_deployment(name, replicas, ns)} and its older names. */
    static ScaleRequest chaosToolkit(String function, Arguments args) {
        return new ScaleRequest(args.optionalString("ns").orElse("default"), args.string("name"),
                replicas(function, args.integer("replicas")));
    }

    /** {@code kubernetes/scale(namespace, deployment, replicas)}. */
    static ScaleRequest nativeArgs(String function, Arguments args) {
        return new ScaleRequest(args.optionalString("namespace").orElse("default"), args.string("deployment"),
                replicas(function, args.integer("replicas")));
    }

    private static int replicas(String function, long replicas) {
        if (replicas < 0 || replicas > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(function + ": argument [replicas] must be 0 or more, but was ["
                    + replicas + "]");
        }
        return (int) replicas;
    }
}
