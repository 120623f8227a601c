package dev.faultline.experiment;

/** Probes observe, actions change. */
public enum ActivityType {
    PROBE("probe"), ACTION("action");

    private final String wireName;

    ActivityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
