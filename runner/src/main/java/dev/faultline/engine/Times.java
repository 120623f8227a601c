package dev.faultline.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamp formats of the journal. */
final class Times {

    /** Chaos Toolkit writes UTC without an offset, with microseconds. */
    private static final DateTimeFormatter CTK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String ctk(Instant instant) {
        return instant == null ? null : CTK.format(instant);
    }
}
