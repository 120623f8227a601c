package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;

import java.util.List;

/**
 * What a Kubernetes action would touch, and doing it. {@link #plan} changes nothing; {@link #run}
 * re-selects its targets with the same rule, then declares the fault and applies it.
 */
interface ActionBody {

    List<PlannedTarget> plan(ClusterCall cluster, Invocation call) throws Exception;

    Object run(ClusterCall cluster, Invocation call) throws Exception;
}
