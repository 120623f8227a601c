package dev.faultline.report;

import dev.faultline.journal.Abort;
import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Journal;
import dev.faultline.journal.Outcome;
import dev.faultline.journal.Refusal;
import dev.faultline.journal.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened in a run, in one sentence and a few lines, as every report opens with it: the
 * outcome and exit code, why (the guard and its reason, the probe that deviated, the refusal), and
 * whether every fault was undone. All text is already redacted.
 */
public record Headline(Outcome outcome, int exitCode, String exitMeaning, String sentence, List<String> details,
        FaultTally faults) {

    private static final int OBSERVED_MAX = 120;

    public Headline {
        details = List.copyOf(details);
    }

    public static Headline of(Journal journal, Redactor redactor) {
        Outcome outcome = journal.outcome();
        List<String> details = new ArrayList<>();
        String sentence = switch (outcome) {
            case HELD -> journal.dryRun().map(mode -> "Dry run (" + mode + "): nothing was executed.")
                    .orElse("The steady state held before and after the method.");
            case DEVIATED -> deviated(journal, details, redactor);
            case NOT_MET -> notMet(journal, details, redactor);
            case ABORTED -> aborted(journal, details);
            case REFUSED -> refused(journal, details);
            case INTERRUPTED -> interrupted(journal, details);
            case ERROR -> error(journal, details);
        };
        FaultTally faults = FaultTally.of(journal.faults());
        details.addAll(faults.stillActive(redactor));
        return new Headline(outcome, journal.exitCode(), redactor.scrub(journal.exitMeaning()), redactor.scrub(sentence),
                details.stream().map(redactor::scrub).toList(), faults);
    }

    /** The outcome in capitals, as the banner shows it: {@code ABORTED}, {@code NOT MET}. */
    public String label() {
        return outcome.label().replace('-', ' ').toUpperCase(Locale.ROOT);
    }

    /** {@code [name] observed ...; expected ...} for a probe that was not met, or its failure. */
    public static String probeProblem(RunRecord probe, Redactor redactor) {
        String name = "[" + probe.activity().name() + "]";
        if (probe.failed() && probe.reason() != null) {
            return name + " failed: " + probe.reason();
        }
        String observed = Formats.abbreviate(JsonText.compact(redactor.mask(probe.output())), OBSERVED_MAX);
        String expected = Formats.abbreviate(JsonText.compact(redactor.mask(probe.activity().tolerance())),
                OBSERVED_MAX);
        return name + " observed " + (observed.isEmpty() ? "nothing" : observed) + "; expected " + expected;
    }

    private static String deviated(Journal journal, List<String> details, Redactor redactor) {
        List<String> where = new ArrayList<>();
        HypothesisRun after = journal.steadyStates().after();
        if (after != null && !after.met()) {
            where.add("after the method");
            problems(after, "after: ", details, redactor);
        }
        List<HypothesisRun> during = journal.steadyStates().during().stream().filter(h -> !h.met()).toList();
        if (!during.isEmpty()) {
            where.add(String.format("during the method (%d of %d checks)", during.size(),
                    journal.steadyStates().during().size()));
            problems(during.get(0), "during (first miss): ", details, redactor);
        }
        return "The steady state deviated" + (where.isEmpty() ? "." : ": not met " + String.join(" and ", where) + ".");
    }

    private static String notMet(Journal journal, List<String> details, Redactor redactor) {
        HypothesisRun before = journal.steadyStates().before();
        if (before != null) {
            problems(before, "before: ", details, redactor);
        }
        return "The steady state was not met before the method, so nothing was injected.";
    }

    private static void problems(HypothesisRun run, String prefix, List<String> details, Redactor redactor) {
        run.probes().stream().filter(p -> !Boolean.TRUE.equals(p.toleranceMet()))
                .forEach(p -> details.add(prefix + probeProblem(p, redactor)));
    }

    private static String aborted(Journal journal, List<String> details) {
        Abort abort = journal.abort().orElse(null);
        if (abort == null) {
            return "The run was aborted.";
        }
        Instant start = journal.startedAt().orElse(null);
        if (abort.breachDetectedAt() != null) {
            details.add("Breach detected at " + Formats.offset(abort.breachDetectedAt(), start) + ".");
        }
        undoneLine(abort, abort.stopAt(), start).ifPresent(details::add);
        String reason = abort.reason() == null ? "" : ": " + abort.reason();
        if (abort.byGuard()) {
            return "Aborted by guard [" + abort.guard() + "]" + reason + ".";
        }
        return "Aborted by " + abort.by() + reason + ".";
    }

    private static String interrupted(Journal journal, List<String> details) {
        Abort abort = journal.abort().orElse(null);
        if (abort == null) {
            return "The run was interrupted before it finished.";
        }
        Instant start = journal.startedAt().orElse(null);
        undoneLine(abort, abort.abortStartedAt(), start).ifPresent(details::add);
        return "Interrupted by " + abort.by() + (abort.reason() == null ? "" : ": " + abort.reason()) + ".";
    }

    private static java.util.Optional<String> undoneLine(Abort abort, Instant from, Instant start) {
        if (abort.lastFaultUndoneAt() == null) {
            return java.util.Optional.empty();
        }
        String after = from == null ? "" : " (" + Formats.duration(Duration.between(from, abort.lastFaultUndoneAt()))
                + " after the " + (abort.breachDetectedAt() != null ? "breach" : "stop") + ")";
        return java.util.Optional.of("Last fault undone at " + Formats.offset(abort.lastFaultUndoneAt(), start) + after
                + ".");
    }

    private static String refused(Journal journal, List<String> details) {
        List<Refusal.Verdict> denied = journal.refusal().map(r -> r.verdicts().stream().filter(Refusal.Verdict::denied)
                .toList()).orElse(List.of());
        denied.forEach(v -> details.add("[" + v.check() + "] " + v.reason()));
        return "Refused before anything ran" + (denied.isEmpty() ? "." : ": " + denied.get(0).reason() + ".");
    }

    private static String error(Journal journal, List<String> details) {
        journal.run().stream().filter(RunRecord::failed).forEach(r -> details.add(
                "activity [" + r.activity().name() + "] failed: " + r.reason()));
        journal.rollbacks().stream().filter(RunRecord::failed).forEach(r -> details.add(
                "rollback [" + r.activity().name() + "] failed: " + r.reason()));
        return journal.error().map(e -> "Error" + (e.phase() == null ? "" : " in phase [" + e.phase() + "]") + ": "
                + e.message()).orElse("The run failed with an error.");
    }
}
