package dev.faultline.report.markdown;

import dev.faultline.journal.Budget;
import dev.faultline.journal.Fault;
import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Journal;
import dev.faultline.journal.Outcome;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import dev.faultline.report.Redactor;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A short Markdown summary for {@code $GITHUB_STEP_SUMMARY}: per experiment the verdict in words, what
 * happened (the abort reason, the deviated probe), the key figures, and each fault with its undo status.
 */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    public static String render(List<Journal> journals) {
        StringBuilder md = new StringBuilder(4 * 1024);
        md.append("## Faultline: ").append(tally(journals)).append("\n\n");
        if (journals.size() > 1) {
            md.append("| # | Experiment | Verdict | Exit | Duration | Faults |\n|---|---|---|---|---|---|\n");
            int n = 0;
            for (Journal journal : journals) {
                Redactor redactor = Redactor.of(journal);
                Headline headline = Headline.of(journal, redactor);
                md.append("| ").append(++n).append(" | ").append(Md.cell(redactor.scrub(journal.title())))
                        .append(" | **").append(headline.label()).append("** | ").append(headline.exitCode())
                        .append(" | ").append(Formats.duration(journal.elapsed())).append(" | ")
                        .append(Md.cell(headline.faults().summary())).append(" |\n");
            }
            md.append('\n');
        }
        for (Journal journal : journals) {
            experiment(md, journal);
        }
        return md.toString();
    }

    private static String tally(List<Journal> journals) {
        Map<Outcome, Long> counts = journals.stream().collect(Collectors.groupingBy(Journal::outcome,
                () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        return Formats.count(journals.size(), "experiment", "experiments") + ", " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    private static void experiment(StringBuilder md, Journal journal) {
        Redactor redactor = Redactor.of(journal);
        Headline headline = Headline.of(journal, redactor);
        md.append("### ").append(Md.line(redactor.scrub(journal.title()))).append(": ").append(headline.label())
                .append(" (exit code ").append(headline.exitCode()).append(")\n\n");
        md.append(Md.text(headline.sentence())).append("\n\n");
        for (String detail : headline.details()) {
            md.append("- ").append(Md.line(detail)).append('\n');
        }
        if (!headline.details().isEmpty()) {
            md.append('\n');
        }
        md.append("| | |\n|---|---|\n");
        row(md, "Exit code", headline.exitCode() + ": " + headline.exitMeaning());
        row(md, "Duration", Formats.duration(journal.elapsed()));
        row(md, "Started", journal.startedAt().map(Formats::utc).orElse("unknown"));
        row(md, "Steady state", steady(journal));
        row(md, "Error budget", journal.budget().map(b -> redactor.scrub(budget(b))).orElse("no data"));
        journal.faultlineData().map(f -> f.experimentFile()).ifPresent(file -> row(md, "Experiment file",
                redactor.scrub(file)));
        journal.dryRun().ifPresent(mode -> row(md, "Dry run", "--dry " + mode + ": nothing was executed"));
        md.append('\n');
        faults(md, journal, redactor);
    }

    private static void faults(StringBuilder md, Journal journal, Redactor redactor) {
        List<Fault> faults = journal.faults();
        if (faults.isEmpty()) {
            md.append(journal.faultline() == null ? "Plain Chaos Toolkit journal: no fault data.\n\n"
                    : "No faults were injected.\n\n");
            return;
        }
        md.append("| Fault | Kind | Target | Undo |\n|---|---|---|---|\n");
        for (Fault fault : faults) {
            String undo = switch (fault.undo().status()) {
                case "undone" -> "undone" + (fault.undo().by() == null ? "" : " (" + fault.undo().by() + ")");
                case "failed" -> "**UNDO FAILED**: " + Md.cell(redactor.scrub(fault.undo().error()));
                case "irreversible" -> "irreversible (nothing to undo)";
                default -> Md.cell(fault.undo().status());
            };
            md.append("| ").append(Md.cell(redactor.scrub(fault.id()))).append(" | ")
                    .append(Md.cell(redactor.scrub(fault.driver() + " " + fault.kind()))).append(" | ")
                    .append(Md.cell(redactor.scrub(fault.target()))).append(" | ").append(undo).append(" |\n");
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(Md.cell(value)).append(" |\n");
    }

    private static String steady(Journal journal) {
        return "before " + state(journal.steadyStates().before()) + "; during " + during(journal.steadyStates()
                .during()) + "; after " + state(journal.steadyStates().after());
    }

    private static String state(HypothesisRun run) {
        return run == null ? "not run" : run.met() ? "met" : "NOT MET";
    }

    private static String during(List<HypothesisRun> runs) {
        long missed = runs.stream().filter(r -> !r.met()).count();
        return runs.isEmpty() ? "not checked" : missed == 0 ? "met in all " + runs.size()
                : "NOT MET in " + missed + " of " + runs.size();
    }

    private static String budget(Budget budget) {
        String used = Formats.percent(budget.consumedByRun()) + " used";
        String allotment = budget.allotment() == null ? "" : " (allotment " + Formats.percent(budget.allotment()) + ")";
        return used + allotment + "; " + Formats.percent(budget.remainingAfter()) + " of the " + (budget.window() == null
                ? "window's" : budget.window()) + " budget left";
    }
}
