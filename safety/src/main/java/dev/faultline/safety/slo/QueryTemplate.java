package dev.faultline.safety.slo;

import dev.faultline.safety.config.Durations;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Renders SLO queries for one window: replaces the {@code {{.window}}} placeholder. */
public final class QueryTemplate {

    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

    private QueryTemplate() {
    }

    public static boolean hasWindow(String query) {
        return WINDOW.matcher(query).find();
    }

    /**
     * {@code query} for {@code window}. A counter query without a placeholder (OpenSLO
     * {@code counter: true}) is turned into a per-second rate with a subquery, because a raw counter
     * says nothing about a window; a non-counter query without a placeholder is used as written.
     */
    public static String render(String query, boolean counter, Duration window) {
        String range = Durations.prometheus(window);
        if (hasWindow(query)) {
            return WINDOW.matcher(query).replaceAll(range);
        }
        if (counter) {
            Duration step = Duration.ofMillis(Math.max(1000, window.toMillis() / 30));
            return "rate((" + query.trim() + ")[" + range + ":" + Durations.prometheus(step) + "])";
        }
        return query;
    }

    /** A number without a useless {@code .0}. */
    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
