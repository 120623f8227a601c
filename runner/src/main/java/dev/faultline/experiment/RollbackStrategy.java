package dev.faultline.experiment;

import java.util.Arrays;
import java.util.Optional;

/**
 * When declared rollbacks run. Faultline's fault undo is separate and always runs; these only
 * govern the experiment's own {@code rollbacks} list.
 *
 * <p>Unlike Chaos Toolkit, the default runs rollbacks whenever the method started, including after
 * a guard abort, a signal or a failure: those are exactly the runs that most need cleaning up.
 */
public enum RollbackStrategy {
    /** Run rollbacks whenever the method started. */
    DEFAULT("default"),
    ALWAYS("always"),
    NEVER("never"),
    /** Only when the steady state deviated. */
    DEVIATED("deviated");

    private final String wireName;

    RollbackStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RollbackStrategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(text)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(RollbackStrategy::wireName).toList());
    }
}
