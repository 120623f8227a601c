package dev.faultline.experiment;

/**
 * One probe of a Chaos Toolkit safeguards control ({@code chaosaddons.controls.safeguards}), which
 * Faultline runs as a guard: without {@code frequency} or {@code background} it is checked once
 * before the run and blocks it; with {@code background} once, alongside the run; with
 * {@code frequency} every N seconds during the run. A miss aborts the run.
 */
public record Safeguard(Activity probe, Double frequencySeconds, boolean background) {

    public boolean preflightOnly() {
        return frequencySeconds == null && !background;
    }
}
