package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Invocation;

/** What a Kubernetes probe does with the cluster the call resolved to. */
@FunctionalInterface
interface ProbeBody {

    Object run(ClusterCall cluster, Invocation call) throws Exception;
}
