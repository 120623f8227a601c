package dev.faultline.safety.spec;

import dev.faultline.safety.preflight.PrometheusRequirement;
import dev.faultline.safety.preflight.TimeWindow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Pre-flight rules of a {@code safety:} block.
 *
 * @param minRemainingBudget the run is refused below this remaining budget fraction (25%)
 * @param allowedWindows when runs may start; empty: any time
 * @param prometheus whether an unreachable Prometheus refuses the run (required: yes)
 * @param lock whether targets are locked against concurrent local runs
 * @param lockDir where lock files live
 */
public record PreflightSpec(double minRemainingBudget, List<TimeWindow> allowedWindows, PrometheusRequirement prometheus,
                            boolean lock, Path lockDir) {

    public static final double DEFAULT_MIN_REMAINING_BUDGET = 0.25;
    public static final Path DEFAULT_LOCK_DIR = Path.of(".faultline", "locks");

    public PreflightSpec {
        allowedWindows = List.copyOf(allowedWindows);
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(lockDir, "lockDir");
        if (minRemainingBudget < 0 || minRemainingBudget > 1) {
            throw new IllegalArgumentException("min-remaining-budget must be between 0% and 100%, but was [" + minRemainingBudget + "]");
        }
    }

    public static PreflightSpec defaults() {
        return new PreflightSpec(DEFAULT_MIN_REMAINING_BUDGET, List.of(), PrometheusRequirement.REQUIRED, true, DEFAULT_LOCK_DIR);
    }
}
