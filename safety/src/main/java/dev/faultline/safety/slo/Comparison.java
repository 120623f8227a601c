package dev.faultline.safety.slo;

import java.util.Locale;
import java.util.Optional;

/** The comparison operators of OpenSLO objectives ({@code lt}, {@code lte}, {@code gt}, {@code gte}). */
public enum Comparison {
    LT("<"), LTE("<="), GT(">"), GTE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured op threshold} holds, i.e. the objective is met. */
    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case LT -> measured < threshold;
            case LTE -> measured <= threshold;
            case GT -> measured > threshold;
            case GTE -> measured >= threshold;
        };
    }

    public static Optional<Comparison> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
