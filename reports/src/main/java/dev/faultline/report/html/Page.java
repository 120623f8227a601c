package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.journal.Journal;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import dev.faultline.report.JsonText;
import dev.faultline.report.Redactor;
import java.time.Instant;
import java.util.Locale;

/**
 * Everything a section needs to render one journal: the journal, its redactor, the headline, the
 * run's start (all offsets count from it) and the time scale the charts share.
 */
record Page(Journal journal, Redactor redactor, Headline headline, Instant start, TimeScale scale) {

    /** Values longer than this (or multi-line) are collapsed behind a summary. */
    static final int INLINE_MAX = 160;
    /** Values longer than this are cut, with a note, so one huge output cannot bloat the page. */
    static final int VALUE_MAX = 4_000;

    /** Redacted, escaped text. */
    void text(Html html, String value) {
        html.text(redactor.scrub(value));
    }

    String offset(Instant t) {
        return t == null ? "" : Formats.offset(t, start);
    }

    /**
     * A journal value (output, tolerance, evidence): inline when short, else collapsed in a
     * {@code <details>} that works without script, always masked, escaped and size-capped.
     */
    void value(Html html, JsonNode node) {
        JsonNode masked = redactor.mask(node);
        String compact = JsonText.compact(masked);
        if (compact.isEmpty()) {
            html.element("span", "—", "class", "muted");
            return;
        }
        if (compact.length() <= INLINE_MAX && compact.indexOf('\n') < 0) {
            html.element("code", compact);
            return;
        }
        String full = JsonText.pretty(masked);
        html.open("details", "class", "value").open("summary").element("code",
                Formats.abbreviate(compact.replace('\n', ' '), 90));
        html.element("span", String.format(Locale.ROOT, " %,d characters", full.length()), "class", "muted");
        html.close("summary").element("pre", JsonText.truncate(full, VALUE_MAX)).close("details");
    }
}
