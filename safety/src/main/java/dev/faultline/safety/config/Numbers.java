package dev.faultline.safety.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats numbers for the bracketed values in reasons: short, no trailing zeros. */
public final class Numbers {

    private Numbers() {
    }

    /** Three significant digits at most, no exponent: 16.2, 0.00123, 1200. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 1000) {
            return new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** {@code text} (a decimal number as written) divided by 100, exactly: "99.9" gives "0.999". */
    public static String hundredth(String text) {
        try {
            return new BigDecimal(text.trim()).movePointLeft(2).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** A fraction as a percentage: 0.123 gives {@code 12.3%}. */
    public static String percent(double fraction) {
        return format(fraction * 100) + "%";
    }
}
