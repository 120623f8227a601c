package dev.faultline.driver;

/**
 * Proof, read back from the target after injecting, that a fault really is in place (or, after an
 * undo, really is gone).
 *
 * @param check what was checked, e.g. "toxic [slow] listed by the Toxiproxy server"
 * @param ok whether the check passed
 * @param observed what was observed, JSON-like
 */
public record Evidence(String check, boolean ok, Object observed) {

    public static Evidence confirmed(String check, Object observed) {
        return new Evidence(check, true, observed);
    }

    public static Evidence missing(String check, Object observed) {
        return new Evidence(check, false, observed);
    }
}
