package dev.faultline.report.html;

import dev.faultline.journal.Journal;
import dev.faultline.report.Headline;
import dev.faultline.report.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The HTML report of one run: a single self-contained file that makes no network request (inline CSS
 * and SVG, no script, a Content-Security-Policy that forbids everything else), readable from disk, in
 * a CI artifact viewer and on paper.
 */
public final class HtmlReport {

    /** Forbids every fetch, script, frame and form; allows only the inline styles and data: images the page uses. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; base-uri 'none'; form-action 'none'";

    static final String STYLESHEET = resource("report.css");

    private static final List<Section> SECTIONS = List.of(new SummarySection(), new TimelineSection(),
            new SliSection(), new BudgetSection(), new GuardsSection(), new HypothesisSection(),
            ActivitiesSection.method(), ActivitiesSection.rollbacks(), new FaultsSection(), new PreflightSection(),
            new ConfigurationSection());

    private HtmlReport() {
    }

    /** The report page for {@code journal}. */
    public static String render(Journal journal) {
        Redactor redactor = Redactor.of(journal);
        Headline headline = Headline.of(journal, redactor);
        TimeRange range = TimeRange.of(journal);
        Page page = new Page(journal, redactor, headline, range.from(), new TimeScale(range.from(), range.to()));
        Html html = new Html(64 * 1024);
        head(html, headline.label() + " · " + redactor.scrub(journal.title()) + " · Faultline report");
        html.open("body").newline();
        VerdictBanner.write(page, html);
        html.open("nav", "class", "toc", "aria-label", "sections");
        for (Section section : SECTIONS) {
            html.element("a", section.title(), "href", "#" + section.id());
        }
        html.close("nav").newline().open("main").newline();
        for (Section section : SECTIONS) {
            section.write(page, html);
        }
        html.close("main").newline();
        footer(page, html);
        html.close("body").close("html").newline();
        return html.toString();
    }

    /** The document head every Faultline page shares (reports and the game-day index). */
    static void head(Html html, String title) {
        html.markup("<!DOCTYPE html>\n").open("html", "lang", "en").newline().open("head").newline();
        html.empty("meta", "charset", "utf-8").newline();
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", CONTENT_SECURITY_POLICY).newline();
        html.empty("meta", "name", "referrer", "content", "no-referrer").newline();
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        html.empty("meta", "name", "generator", "content", "Faultline").newline();
        html.element("title", title).newline();
        html.open("style").markup(STYLESHEET).close("style").newline();
        html.close("head").newline();
    }

    private static void footer(Page page, Html html) {
        html.open("footer");
        html.text("Faultline report. Times are UTC; offsets (+12.3 s) count from the start of the run. "
                + "Journal: ");
        page.text(html, page.journal().source() == null ? "(unknown)"
                : String.valueOf(page.journal().source().getFileName()));
        html.text(".").close("footer").newline();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource [" + name + "] is missing from the faultline-reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The span every chart of a run shares. */
    record TimeRange(Instant from, Instant to) {

        static TimeRange of(Journal journal) {
            TimeBounds bounds = new TimeBounds();
            journal.startedAt().ifPresent(bounds::add);
            journal.endedAt().ifPresent(bounds::add);
            bounds.addAll(journal);
            Instant from = journal.startedAt().orElse(bounds.min());
            return new TimeRange(from == null ? Instant.EPOCH : from, bounds.max() == null ? from : bounds.max());
        }
    }
}
