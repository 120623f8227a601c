package dev.faultline.engine;

/** The phases of a run, in order. */
public enum Phase {
    CONFIGURATION("configuration"),
    PREFLIGHT("preflight"),
    BEFORE_HYPOTHESIS("before-hypothesis"),
    METHOD("method"),
    DURING_HYPOTHESIS("during-hypothesis"),
    AFTER_HYPOTHESIS("after-hypothesis"),
    UNDO("undo"),
    ROLLBACKS("rollbacks"),
    GUARD("guard");

    private final String wireName;

    Phase(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
