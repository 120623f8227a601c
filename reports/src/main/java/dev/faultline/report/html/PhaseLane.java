package dev.faultline.report.html;

import dev.faultline.journal.Phase;
import dev.faultline.report.Formats;
import java.time.Duration;

/** One phase on the timeline, coloured by how it ended. */
final class PhaseLane {

    static final double BAR = 14;

    private PhaseLane() {
    }

    static void draw(Page page, Html html, Phase phase, double y) {
        label(page, html, phase.name(), y);
        if (phase.start() == null) {
            return;
        }
        double x1 = page.scale().x(phase.start());
        double x2 = phase.end() == null ? x1 : page.scale().x(phase.end());
        String status = phase.status();
        String fill = switch (status) {
            case "failed" -> Svg.RED;
            case "interrupted" -> Svg.ORANGE;
            case "skipped" -> "#eaeef2";
            default -> "#6e7781";
        };
        String length = phase.end() == null ? "" : ", " + Formats.duration(Duration.between(phase.start(), phase.end()));
        Svg.rect(html, x1, y + 4, Math.max(x2 - x1, 2), BAR, fill, "phase phase-" + cssToken(status),
                page.redactor().scrub(phase.name() + ": " + status + " from " + page.offset(phase.start()) + length));
        if (!"succeeded".equals(status)) {
            // Right of the bar when there is room, else left of where it starts.
            boolean room = x2 + 90 < TimeScale.WIDTH;
            Svg.text(html, room ? x2 + 4 : x1 - 4, y + 15, Formats.abbreviate(page.redactor().scrub(status), 14),
                    room ? "start" : "end",
                    "skipped".equals(status) ? Svg.MUTED : fill, "phase-status");
        }
    }

    /** A lane's label in the left gutter, cut to fit, with the whole text as a tooltip. */
    static void label(Page page, Html html, String text, double y) {
        String full = page.redactor().scrub(text);
        String shown = Formats.abbreviate(full, 27);
        html.open("text", "x", "14", "y", Svg.n(y + 15), "fill", Svg.INK, "class", "lane-label").text(shown);
        if (!shown.equals(full)) {
            html.element("title", full);
        }
        html.close("text");
    }

    /** A journal status as a class-name token: letters, digits and dashes only. */
    static String cssToken(String value) {
        String token = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return token.length() > 24 ? token.substring(0, 24) : token;
    }
}
