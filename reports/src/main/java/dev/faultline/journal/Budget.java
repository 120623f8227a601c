package dev.faultline.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The error-budget picture of the SLO a run was checked against. Fractions are of the window's
 * whole budget (0.02 = 2% of it).
 */
public record Budget(String slo, Double objective, String window, Double remainingBefore, Double consumedByRun,
        Double remainingAfter, Double allotment, List<BurnRate> burnRate) {

    public Budget {
        burnRate = Lists.copy(burnRate);
    }

    /** The burn rate over the short and the long window at one instant. */
    public record BurnRate(Instant t, @JsonProperty("short") Double shortWindow,
            @JsonProperty("long") Double longWindow) {
    }
}
