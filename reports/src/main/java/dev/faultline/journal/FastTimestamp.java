package dev.faultline.journal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the timestamp forms journals use by position ({@code 2026-11-27T05:16:08}, an optional
 * fraction of up to nine digits, then {@code Z}, {@code +hh:mm} or nothing for UTC). A long run's
 * journal holds tens of thousands of timestamps, and the general parser costs several microseconds
 * each; anything unusual returns {@code null} and goes to the general parser.
 */
final class FastTimestamp {

    private FastTimestamp() {
    }

    static Instant parse(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && Character.isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char sign = s.charAt(i);
            if (sign == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || om < 0) {
                    return null;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds,
                    nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
