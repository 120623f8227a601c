package dev.faultline.driver.kubernetes;

import java.time.Duration;

/** Re-checks a condition against the API server until it holds or time runs out. */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(250);

    /** A check that reads the cluster. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /**
     * Checks at once, then every {@link #INTERVAL} until {@code timeout} has passed.
     *
     * @return whether the condition held before the deadline
     * @throws InterruptedException when the run is interrupted while waiting
     */
    static boolean until(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.holds()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
        }
    }

    /** The shorter of what the activity asked to wait and what the call may take. */
    static Duration bounded(double seconds, Duration callTimeout) {
        Duration asked = Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
        return asked.compareTo(callTimeout) < 0 ? asked : callTimeout;
    }
}
