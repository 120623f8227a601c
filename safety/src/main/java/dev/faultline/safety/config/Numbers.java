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
        BigDecimal d = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        if (Math.abs(value) >= 1000) {
            d = d.setScale(0, RoundingMode.HALF_UP);
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage: 0.123 gives {@code 12.3%}. */
    public static String percent(double fraction) {
        return format(fraction * 100) + "%";
    }
}
