package dev.faultline.safety.preflight;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Refuses a run outside every allowed time window (no windows: any time is allowed). */
public final class AllowedWindowsCheck implements PreflightCheck {

    public static final String NAME = "allowed-windows";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE HH:mm VV", Locale.ROOT);

    private final List<TimeWindow> windows;

    public AllowedWindowsCheck(List<TimeWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict evaluate(Instant now) {
        if (windows.isEmpty()) {
            return Verdict.allow(NAME, "no time restriction");
        }
        for (TimeWindow w : windows) {
            if (w.contains(now)) {
                return Verdict.allow(NAME, "now [" + local(now, w) + "] is inside the allowed window [" + w + "]");
            }
        }
        TimeWindow first = windows.get(0);
        return Verdict.deny(NAME, "now [" + local(now, first) + "] is outside the allowed windows " + windows
                + "; run it inside one of them or change safety.preflight.allowed-windows");
    }

    private static String local(Instant now, TimeWindow w) {
        return ZonedDateTime.ofInstant(now, w.zone()).format(FORMAT);
    }
}
