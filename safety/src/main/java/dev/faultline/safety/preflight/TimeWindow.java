package dev.faultline.safety.preflight;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring window in which experiments may run, written {@code [days] HH:MM-HH:MM [zone]}:
 * {@code Mon-Fri 09:00-17:00 Europe/Paris}, {@code Sat,Sun 10:00-12:00}, {@code 22:00-06:00 UTC}.
 * Days default to every day and the zone to UTC; {@code 24:00} ends a window at midnight; a window
 * whose end is before its start runs past midnight and belongs to the day it starts on.
 *
 * @param text the window as written, for messages
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, boolean endsAtMidnight, ZoneId zone,
                         String text) {

    private static final Pattern FORM = Pattern.compile(
            "^(?:(?<days>[A-Za-z*][A-Za-z,\\-*]*)\\s+)?(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})(?:\\s+(?<zone>\\S+))?$");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public TimeWindow {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** @throws IllegalArgumentException naming the offending part and the expected form */
    public static TimeWindow parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("[" + text + "] is not a time window; write e.g. Mon-Fri 09:00-17:00 Europe/Paris");
        }
        Set<DayOfWeek> days = m.group("days") == null ? EnumSet.allOf(DayOfWeek.class) : days(m.group("days"), text);
        LocalTime start = time(m.group("start"), text, false);
        boolean midnight = m.group("end").equals("24:00");
        LocalTime end = midnight ? LocalTime.MIDNIGHT : time(m.group("end"), text, true);
        if (!midnight && start.equals(end)) {
            throw new IllegalArgumentException("[" + text + "] starts and ends at the same time; write 00:00-24:00 for the whole day");
        }
        ZoneId zone;
        try {
            zone = m.group("zone") == null ? ZoneId.of("UTC") : ZoneId.of(m.group("zone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("[" + m.group("zone") + "] in [" + text + "] is not a time zone; write e.g. UTC or Europe/Paris");
        }
        return new TimeWindow(days, start, end, midnight, zone, text.trim());
    }

    /** Whether {@code instant} falls inside the window. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        LocalTime t = local.toLocalTime();
        if (endsAtMidnight) {
            return days.contains(day) && !t.isBefore(start);
        }
        if (start.isBefore(end)) {
            return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
        }
        return (days.contains(day) && !t.isBefore(start)) || (days.contains(day.minus(1)) && t.isBefore(end));
    }

    private static Set<DayOfWeek> days(String spec, String text) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("*") || lower.equals("daily") || lower.equals("every-day")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.split("-");
            if (range.length == 1) {
                out.add(day(range[0], text));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0], text);
                DayOfWeek to = day(range[1], text);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    out.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("[" + part + "] in [" + text + "] is not a day range; write e.g. Mon-Fri");
            }
        }
        return out;
    }

    private static DayOfWeek day(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        String key = lower.length() >= 3 ? lower.substring(0, 3) : lower;
        int index = DAY_NAMES.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("[" + name + "] in [" + text + "] is not a day; write Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        }
        return DayOfWeek.of(index + 1);
    }

    private static LocalTime time(String hhmm, String text, boolean end) {
        String[] parts = hhmm.split(":");
        int h = Integer.parseInt(parts[0]);
        int min = Integer.parseInt(parts[1]);
        if (h > 23 || min > 59) {
            throw new IllegalArgumentException("[" + hhmm + "] in [" + text + "] is not a time of day; write HH:MM between 00:00 and "
                    + (end ? "24:00" : "23:59"));
        }
        return LocalTime.of(h, min);
    }

    @Override
    public String toString() {
        return text;
    }
}
