package dev.faultline.journal;

/** Who ran the experiment, where, and with which command; any part may be unknown ({@code null}). */
public record Environment(String user, String host, String cwd, String ci, String command) {

    public static Environment unknown() {
        return new Environment(null, null, null, null, null);
    }
}
