package dev.faultline.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports write times, durations, fractions and numbers: the same everywhere, independent of locale. */
public final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Formats() {
    }

    /** {@code 212 ms}, {@code 4.2 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Time since {@code origin}: {@code +12.3 s}, {@code +4:05.2}, {@code +1:02:05}. */
    public static String offset(Instant t, Instant origin) {
        if (t == null || origin == null) {
            return "";
        }
        long ms = Duration.between(origin, t).toMillis();
        String sign = ms < 0 ? "-" : "+";
        ms = Math.abs(ms);
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%s%.1f s", sign, ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%s%d:%04.1f", sign, s / 60, (ms % 60_000) / 1000.0);
        }
        return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, (s % 3600) / 60, s % 60);
    }

    /** {@code 2026-11-27 05:16:08.123 UTC}. */
    public static String utc(Instant t) {
        return t == null ? "unknown" : UTC.format(t);
    }

    /**
     * A fraction as a percentage with as many decimals as it takes to neither read as zero nor round
     * up to a whole: 93%, 92.81%, 99.95%, 99.999%, 0.19%, 0.0008%.
     */
    public static String percent(Double fraction) {
        if (fraction == null || fraction.isNaN()) {
            return "n/a";
        }
        BigDecimal p = BigDecimal.valueOf(fraction).movePointRight(2);
        double abs = Math.abs(p.doubleValue());
        if (abs == 0) {
            return "0%";
        }
        int decimals = abs >= 1 ? 2 : Math.min(8, 1 - (int) Math.floor(Math.log10(abs)));
        BigDecimal rounded = p.setScale(decimals, RoundingMode.HALF_UP);
        while (decimals < 8 && rounded.abs().compareTo(HUNDRED) == 0 && p.abs().compareTo(HUNDRED) != 0) {
            rounded = p.setScale(++decimals, RoundingMode.HALF_UP);
        }
        return rounded.stripTrailingZeros().toPlainString() + "%";
    }

    /** A number without needless decimals: {@code 16.2}, {@code 2000}, {@code 0.35}. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) (double) value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A value and its unit as people write them: {@code 16.2x}, {@code 12%}, {@code 2000 ms}. */
    public static String withUnit(Double value, String unit) {
        if (unit == null || unit.isBlank()) {
            return number(value);
        }
        return number(value) + (unit.equals("x") || unit.equals("%") ? unit : " " + unit);
    }

    /** {@code 1 fault}, {@code 3 faults}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
