package dev.faultline.engine;

import dev.faultline.experiment.Activity;

import java.util.Arrays;
import java.util.Optional;

/** {@code --dry}: what to skip. Skipped activities are journaled as {@code skipped}, never as succeeded. */
public enum DryRun {
    PROBES("probes"), ACTIONS("actions"), ACTIVITIES("activities"), PAUSE("pause");

    private final String wireName;

    DryRun(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DryRun> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(text)).findFirst();
    }

    static boolean skips(DryRun dry, Activity activity) {
        if (dry == null) {
            return false;
        }
        return switch (dry) {
            case ACTIVITIES -> true;
            case PROBES -> activity.isProbe();
            case ACTIONS -> !activity.isProbe();
            case PAUSE -> false;
        };
    }

    static boolean skipsPauses(DryRun dry) {
        return dry == PAUSE;
    }
}
