package dev.faultline.experiment;

/**
 * Seconds to wait before and after an activity. Values are numbers or {@code "${var}"} strings,
 * resolved when the activity runs.
 */
public record Pauses(Object before, Object after) {

    public static final Pauses NONE = new Pauses(null, null);

    public boolean isEmpty() {
        return before == null && after == null;
    }
}
