package dev.faultline.driver.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times Chaos Toolkit Prometheus probes accept for {@code when}, {@code start} and
 * {@code end}: {@code now}, RFC 3339 ({@code 2026-11-27T05:16:08Z}), Unix seconds
 * ({@code 1795756568.25}), and colloquial offsets ({@code 5 minutes ago}, {@code 1h ago},
 * {@code in 2 minutes}).
 */
final class RelativeTime {

    private static final Pattern OFFSET = Pattern.compile(
            "^(?:(in)\\s+)?(\\d+(?:\\.\\d+)?)\\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)(?:\\s+(ago))?$");

    private RelativeTime() {
    }

    static Optional<Instant> parse(String text, Instant now) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("now")) {
            return Optional.of(now);
        }
        Matcher m = OFFSET.matcher(s);
        if (m.matches() && (m.group(1) == null) != (m.group(4) == null)) {
            Duration d = Duration.ofMillis(Math.round(Double.parseDouble(m.group(2)) * unitMillis(m.group(3))));
            return Optional.of(m.group(4) != null ? now.minus(d) : now.plus(d));
        }
        try {
            double seconds = Double.parseDouble(s);
            return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            // not Unix seconds; try the calendar forms below
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long unitMillis(String unit) {
        return switch (unit.charAt(0)) {
            case 's' -> 1000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> 7 * 86_400_000L;
        };
    }
}
