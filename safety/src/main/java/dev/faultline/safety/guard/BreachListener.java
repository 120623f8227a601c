package dev.faultline.safety.guard;

/**
 * Told about the first breach a monitor sees, exactly once. Called on the monitor's threads
 * (or on the thread calling {@link GuardMonitor#start()} when the very first check breaches): it should
 * hand off (set a flag, interrupt the run) rather than undo faults itself.
 */
@FunctionalInterface
public interface BreachListener {

    void onBreach(Breach breach);
}
