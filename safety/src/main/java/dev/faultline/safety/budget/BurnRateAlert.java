package dev.faultline.safety.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of a multiwindow, multi-burn-rate alerting table: fire when the burn rate over both
 * {@code longWindow} and {@code shortWindow} exceeds {@code burnRate}, which is the rate that spends
 * {@code budgetFraction} of the budget in {@code longWindow}.
 *
 * @param severity {@code page} or {@code ticket}
 */
public record BurnRateAlert(String severity, Duration longWindow, Duration shortWindow, double burnRate,
                            double budgetFraction) {

    public BurnRateAlert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(longWindow, "longWindow");
        Objects.requireNonNull(shortWindow, "shortWindow");
    }

    /** Whether both windows burn at least at this row's rate. */
    public boolean fires(double longBurnRate, double shortBurnRate) {
        return longBurnRate >= burnRate && shortBurnRate >= burnRate;
    }
}
