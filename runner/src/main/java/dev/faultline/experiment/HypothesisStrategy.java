package dev.faultline.experiment;

import java.util.Arrays;
import java.util.Optional;

/** When the steady-state hypothesis runs, with the Chaos Toolkit names. */
public enum HypothesisStrategy {
    DEFAULT("default", true, false, true),
    BEFORE_METHOD_ONLY("before-method-only", true, false, false),
    AFTER_METHOD_ONLY("after-method-only", false, false, true),
    DURING_METHOD_ONLY("during-method-only", false, true, false),
    CONTINUOUSLY("continuously", true, true, true);

    private final String wireName;
    private final boolean before;
    private final boolean during;
    private final boolean after;

    HypothesisStrategy(String wireName, boolean before, boolean during, boolean after) {
        this.wireName = wireName;
        this.before = before;
        this.during = during;
        this.after = after;
    }

    public String wireName() {
        return wireName;
    }

    public boolean before() {
        return before;
    }

    public boolean during() {
        return during;
    }

    public boolean after() {
        return after;
    }

    /** Accepts the Chaos Toolkit spellings, including the historical {@code continously}. */
    public static Optional<HypothesisStrategy> parse(String text) {
        if ("continously".equals(text)) {
            return Optional.of(CONTINUOUSLY);
        }
        return Arrays.stream(values()).filter(s -> s.wireName.equals(text)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(HypothesisStrategy::wireName).toList());
    }
}
