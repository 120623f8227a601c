package dev.faultline.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double for {@link Faults}: applies and verifies like the engine does, remembers every plan
 * and its evidence, and can undo everything through the owning driver.
 */
public final class RecordingFaults implements Faults {

    /** {@code startedAgo}: how long before it was recorded the fault started (zero for most). */
    public record Recorded(FaultPlan plan, Evidence evidence, Duration startedAgo) {}

    private final List<Recorded> injected = new ArrayList<>();
    private final List<Recorded> irreversible = new ArrayList<>();

    @Override
    public void inject(FaultPlan plan, Apply apply, Verify verify) throws Exception {
        injected.add(new Recorded(plan, null, Duration.ZERO));
        apply.run();
        Evidence evidence = verify.check();
        injected.set(injected.size() - 1, new Recorded(plan, evidence, Duration.ZERO));
        if (!evidence.ok()) {
            throw new ActivityFailedException("fault not in place: " + evidence.check());
        }
    }

    @Override
    public void irreversible(FaultPlan plan, Evidence evidence, Duration startedAgo) {
        irreversible.add(new Recorded(plan, evidence, startedAgo));
    }

    public List<Recorded> injected() {
        return List.copyOf(injected);
    }

    public List<Recorded> irreversibleFaults() {
        return List.copyOf(irreversible);
    }

    /** Undoes every recorded reversible fault, newest first, as the engine does. */
    public void undoAll(Driver driver) throws Exception {
        for (int i = injected.size() - 1; i >= 0; i--) {
            driver.undo(injected.get(i).plan().undo(), UndoContext.defaults());
        }
        injected.clear();
    }
}
