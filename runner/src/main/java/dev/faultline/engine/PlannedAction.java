package dev.faultline.engine;

import dev.faultline.driver.PlannedTarget;

/** What one action of the experiment would touch, as its driver planned it before the run. */
public record PlannedAction(String activity, PlannedTarget target) {
}
