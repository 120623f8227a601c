package dev.faultline.safety.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the durations used in SLO files and safety blocks: Prometheus style
 * ({@code 250ms}, {@code 5m}, {@code 1h30m}, {@code 30d}, {@code 1w}, {@code 1y}), OpenSLO months
 * and quarters ({@code 1M} = 30 d, {@code 1Q} = 90 d, {@code 1Y} = 365 d) and ISO-8601
 * ({@code PT5M}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y|M|Q|Y)");

    private Durations() {
    }

    /** Parses {@code text}, or returns empty when it is not a duration in any accepted form. */
    public static Optional<Duration> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        double nanos = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.empty();
            }
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            at = m.end();
        }
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }

    /**
     * Parses {@code text}, failing with the offending value and the accepted forms.
     *
     * @throws IllegalArgumentException when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "[" + text + "] is not a duration; write a number with a unit such as 250ms, 10s, 5m, 1h or 30d"));
    }

    /**
     * The Prometheus range selector for {@code d}, in the largest unit that divides it exactly
     * ({@code 5m}, {@code 30d}, {@code 1500ms}).
     */
    public static String prometheus(Duration d) {
        long ms = d.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("a Prometheus range must be positive, but was [" + d + "]");
        }
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return (ms / sizes[i]) + units[i];
            }
        }
        return ms + "ms";
    }

    /** Short human form, the same as {@link #prometheus(Duration)} for positive durations. */
    public static String human(Duration d) {
        return d.isZero() || d.isNegative() ? d.toMillis() + "ms" : prometheus(d);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86_400e9;
            case "w" -> 7 * 86_400e9;
            case "M" -> 30 * 86_400e9;
            case "Q" -> 90 * 86_400e9;
            case "y", "Y" -> 365 * 86_400e9;
            default -> throw new IllegalStateException(unit);
        };
    }
}
