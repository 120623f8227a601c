package dev.faultline.safety.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The time series of guard checks; appended from the monitor's threads, read from anywhere. */
public final class GuardTimeline {

    private final List<GuardCheck> checks = new ArrayList<>();

    synchronized void add(GuardCheck check) {
        checks.add(check);
    }

    public synchronized List<GuardCheck> all() {
        return List.copyOf(checks);
    }

    /**
     * At most one check per guard per {@code every}, keeping every non-ok check, for long runs whose
     * journal would otherwise hold millions of points.
     */
    public static List<GuardCheck> thin(List<GuardCheck> checks, Duration every) {
        Map<String, Instant> last = new HashMap<>();
        List<GuardCheck> out = new ArrayList<>();
        for (GuardCheck c : checks) {
            Instant previous = last.get(c.guard());
            boolean keep = c.status() != GuardCheck.Status.OK || previous == null
                    || Duration.between(previous, c.at()).compareTo(every) >= 0;
            if (keep) {
                out.add(c);
                last.put(c.guard(), c.at());
            }
        }
        return out;
    }
}
