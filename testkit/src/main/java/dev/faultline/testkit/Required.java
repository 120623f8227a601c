package dev.faultline.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need a real component (a server binary, a browser, a corpus folder):
 * outside CI a missing component skips the test with a message; under {@code CI=true} it fails,
 * because a green run that skipped the real thing proves nothing.
 */
public final class Required {

    private Required() {
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Fails (under CI) or skips (elsewhere) the current test unless {@code present}.
     *
     * @param what the missing component and how to get it, e.g. "toxiproxy-server on PATH (bash .ci/run installs it)"
     */
    public static void component(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "missing " + what;
        if (underCi()) {
            Assertions.fail(message + " (CI=true: a missing component fails the build)");
        }
        Assumptions.abort(message + " (skipped outside CI)");
    }
}
