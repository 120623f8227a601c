package dev.faultline.report.html;

import dev.faultline.journal.Budget;
import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Journal;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import java.time.Duration;
import java.util.List;

/**
 * The top of the page: what happened in one sentence, what the exit code means, and the handful
 * of figures an SRE looks for first (duration, faults and their undo, time to safety, budget used,
 * steady state before, during and after).
 */
final class VerdictBanner {

    private VerdictBanner() {
    }

    static void write(Page page, Html html) {
        Headline headline = page.headline();
        Journal journal = page.journal();
        html.open("header", "id", "verdict", "class", "verdict v-" + headline.outcome().label());
        html.open("p", "class", "verdict-top").element("span", headline.label(), "class", "verdict-label")
                .element("span", "exit code " + headline.exitCode(), "class", "exit").close("p");
        html.open("h1");
        page.text(html, journal.title());
        html.close("h1");
        html.open("p", "class", "sentence");
        page.text(html, headline.sentence());
        html.close("p");
        if (!headline.details().isEmpty()) {
            html.open("ul", "class", "details");
            headline.details().forEach(line -> html.element("li", line));
            html.close("ul");
        }
        html.element("p", "Exit code " + headline.exitCode() + ": " + headline.exitMeaning() + ".", "class",
                "meaning");
        if (journal.faultline() == null) {
            html.element("p", String.format("Plain Chaos Toolkit journal: the outcome is derived from its status [%s] "
                    + "and deviated [%s]; it has no faults, guards, SLI or budget data.", journal.status(),
                    journal.deviated()), "class", "meaning");
        }
        html.close("header").newline();
        tiles(page, html);
    }

    private static void tiles(Page page, Html html) {
        Journal journal = page.journal();
        Headline headline = page.headline();
        html.open("div", "class", "tiles", "id", "key-figures");
        tile(html, Formats.duration(journal.elapsed()), "duration", null);
        tile(html, Integer.toString(headline.faults().total()), headline.faults().summary(),
                headline.faults().anyUndoFailed() ? "bad" : null);
        journal.abort().filter(a -> a.lastFaultUndoneAt() != null && a.stopAt() != null).ifPresent(abort -> tile(html,
                Formats.duration(Duration.between(abort.stopAt(), abort.lastFaultUndoneAt())),
                abort.breachDetectedAt() != null ? "from breach to last fault undone" : "from stop to last fault undone",
                null));
        Budget budget = journal.budget().orElse(null);
        if (budget != null && budget.consumedByRun() != null) {
            String allotment = budget.allotment() == null ? "" : " (allotment " + Formats.percent(budget.allotment())
                    + ")";
            boolean over = budget.allotment() != null && budget.consumedByRun() > budget.allotment();
            tile(html, Formats.percent(budget.consumedByRun()), "of the error budget used" + allotment,
                    over ? "bad" : null);
        } else {
            tile(html, "—", "no error-budget data", null);
        }
        html.open("div", "class", "tile steady").open("div", "class", "tile-value small");
        steady(html, "before", journal.steadyStates().before());
        steady(html, "during", journal.steadyStates().during());
        steady(html, "after", journal.steadyStates().after());
        html.close("div").element("div", "steady state", "class", "tile-label").close("div");
        html.close("div").newline();
    }

    private static void tile(Html html, String value, String label, String mood) {
        html.open("div", "class", mood == null ? "tile" : "tile " + mood).element("div", value, "class", "tile-value")
                .element("div", label, "class", "tile-label").close("div");
    }

    private static void steady(Html html, String when, HypothesisRun run) {
        steadyLine(html, when, run == null ? "not run" : run.met() ? "met" : "NOT MET",
                run == null ? "muted" : run.met() ? "ok" : "bad");
    }

    private static void steady(Html html, String when, List<HypothesisRun> runs) {
        long missed = runs.stream().filter(r -> !r.met()).count();
        if (runs.isEmpty()) {
            steadyLine(html, when, "not checked", "muted");
        } else if (missed == 0) {
            steadyLine(html, when, "met in all " + runs.size(), "ok");
        } else {
            steadyLine(html, when, "NOT MET in " + missed + " of " + runs.size(), "bad");
        }
    }

    private static void steadyLine(Html html, String when, String state, String mood) {
        html.open("span", "class", "steady-line").text(when + " ").element("b", state, "class", mood)
                .close("span");
    }
}
