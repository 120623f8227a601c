package dev.faultline.driver.chaosmonkey;

import java.util.List;
import java.util.Map;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.UndoSpec;

/** Declaring a change through {@link Faults} and refusing to report success for a change that did not take. */
final class Injection {

    private Injection() {
    }

    /**
     * Declares {@code plan} (its undo is written before anything changes), applies, reads back,
     * and fails the activity when the read-back says the change is not in place, whatever the
     * {@link Faults} implementation does with the evidence.
     */
    static Evidence inject(Invocation call, FaultPlan plan, Faults.Apply apply, Faults.Verify verify) throws Exception {
        Evidence[] seen = new Evidence[1];
        call.faults().inject(plan, apply, () -> seen[0] = verify.check());
        if (seen[0] == null) {
            throw new ActivityFailedException(plan.description() + ": the change was not read back, so it may not be in place");
        }
        if (!seen[0].ok()) {
            throw new ActivityFailedException(plan.description() + " did not take effect: " + seen[0].check() + "; observed " + seen[0].observed());
        }
        return seen[0];
    }

    static FaultPlan plan(String kind, ActuatorTarget target, String description, UndoSpec undo) {
        return new FaultPlan(ChaosMonkeyDriver.NAME, kind, target.identity(), description, undo);
    }

    static List<PlannedTarget> planned(String kind, ActuatorTarget target, boolean reversible, String description) {
        return List.of(new PlannedTarget(ChaosMonkeyDriver.NAME, kind, target.identity(), null,
                List.of(new PlannedTarget.Resource(null, target.baseUrl(), Map.of())), 1, reversible, description));
    }
}
