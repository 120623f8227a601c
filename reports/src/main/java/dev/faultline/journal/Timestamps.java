package dev.faultline.journal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the two timestamp forms a journal holds: Faultline instants ({@code 2026-11-27T05:16:08.123Z})
 * and Chaos Toolkit's UTC times without an offset ({@code 2026-11-27T05:16:08.123456}).
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant {@code text} names, or empty when it is no ISO-8601 date-time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant fast = FastTimestamp.parse(text);
        if (fast != null) {
            return Optional.of(fast);
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException notAnInstant) {
            // Chaos Toolkit writes UTC wall-clock time without an offset; try that next.
        }
        try {
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // fall through to an explicit offset such as +00:00
        }
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException notOffset) {
            return Optional.empty();
        }
    }
}
