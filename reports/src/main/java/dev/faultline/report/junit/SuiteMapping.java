package dev.faultline.report.junit;

import dev.faultline.journal.Abort;
import dev.faultline.journal.Fault;
import dev.faultline.journal.Guards;
import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.Journal;
import dev.faultline.journal.Outcome;
import dev.faultline.journal.Refusal;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import dev.faultline.report.Redactor;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps one journal onto a test suite: a case per pre-flight check, per hypothesis probe per phase
 * (during-method checks folded into one case per probe), per guard, per fault's undo, and one for the
 * run itself. A suite is green exactly when the run held.
 */
final class SuiteMapping {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Journal journal;
    private final Redactor redactor;
    private final Headline headline;
    private final String prefix;
    private final List<TestCase> cases = new ArrayList<>();

    private SuiteMapping(Journal journal) {
        this.journal = journal;
        this.redactor = Redactor.of(journal);
        this.headline = Headline.of(journal, redactor);
        this.prefix = "faultline." + slug(journal.title());
    }

    static TestSuite of(Journal journal) {
        return new SuiteMapping(journal).map();
    }

    private TestSuite map() {
        journal.refusal().ifPresent(this::preflight);
        HypothesisRun before = journal.steadyStates().before();
        if (before != null) {
            before.probes().forEach(p -> cases.add(ProbeCases.before(prefix, p, redactor, skipReason())));
        }
        cases.addAll(ProbeCases.during(prefix, journal.steadyStates().during(), journal.startedAt().orElse(null),
                redactor));
        HypothesisRun after = journal.steadyStates().after();
        if (after != null) {
            after.probes().forEach(p -> cases.add(ProbeCases.after(prefix, p, redactor, skipReason())));
        }
        journal.guards().ifPresent(this::guards);
        journal.faults().forEach(this::undo);
        cases.add(runCase());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("outcome", headline.outcome().label());
        properties.put("exit_code", Integer.toString(headline.exitCode()));
        properties.put("exit_meaning", headline.exitMeaning());
        journal.faultlineData().ifPresent(f -> {
            properties.put("run_id", redactor.scrub(f.runId()));
            properties.put("experiment_file", redactor.scrub(f.experimentFile()));
            properties.put("faultline_version", f.version());
        });
        journal.dryRun().ifPresent(mode -> properties.put("dry_run", mode));
        properties.values().removeIf(v -> v == null);
        String host = journal.environment().host() != null ? journal.environment().host() : journal.node();
        return new TestSuite(redactor.scrub(journal.title()), journal.startedAt().map(TIMESTAMP::format).orElse(null),
                redactor.scrub(host), journal.elapsed().toNanos() / 1e9, properties, cases, story());
    }

    private String skipReason() {
        return journal.dryRun().map(mode -> "dry run (--dry " + mode + "): not executed").orElse("skipped");
    }

    private void preflight(Refusal refusal) {
        for (Refusal.Verdict verdict : refusal.verdicts()) {
            Result result = verdict.denied()
                    ? new Result.Errored("refused", redactor.scrub("refused by [" + verdict.check() + "]: "
                            + verdict.reason()), null)
                    : Result.passed();
            cases.add(new TestCase(prefix + ".preflight", redactor.scrub(String.valueOf(verdict.check())), 0, result,
                    null));
        }
    }

    private void guards(Guards guards) {
        Abort abort = journal.abort().filter(Abort::byGuard).orElse(null);
        for (Guards.Definition guard : guards.definitions()) {
            List<Guards.Check> checks = guards.checks().stream().filter(c -> guard.name().equals(c.guard())).toList();
            long breaches = checks.stream().filter(Guards.Check::breach).count();
            String out = Formats.count(checks.size(), "check", "checks") + ", "
                    + Formats.count(breaches, "breach", "breaches") + "; threshold "
                    + Formats.withUnit(guard.threshold(), guard.unit());
            Result result = abort != null && guard.name().equals(abort.guard())
                    ? new Result.Errored("aborted", redactor.scrub("guard [" + guard.name() + "] aborted the run: "
                            + abort.reason()), redactor.scrub(story()))
                    : Result.passed();
            cases.add(new TestCase(prefix + ".guard", redactor.scrub(guard.name()), 0, result, redactor.scrub(out)));
        }
    }

    private void undo(Fault fault) {
        String name = redactor.scrub(fault.id() + " " + (fault.kind() == null ? "fault" : fault.kind()) + " undo");
        String where = redactor.scrub(fault.description() + " on " + fault.target());
        Result result = switch (fault.undo().status()) {
            case "failed" -> new Result.Errored("undo-failed", redactor.scrub("undo of fault [" + fault.id()
                    + "] failed, it may still be active on [" + fault.target() + "]: " + fault.undo().error()), where);
            case "undone", "irreversible", "not-applied" -> Result.passed();
            default -> new Result.Errored("undo-unknown", "undo status of fault [" + redactor.scrub(fault.id())
                    + "] is [" + redactor.scrub(fault.undo().status()) + "]", where);
        };
        cases.add(new TestCase(prefix + ".faults", name, 0, result, where + "; undo: " + fault.undo().status()));
    }

    /** The run's own case: carries the outcome when no other case already does, so a suite is red unless held. */
    private TestCase runCase() {
        Outcome outcome = headline.outcome();
        boolean carried = cases.stream().anyMatch(c -> c.result().red());
        Result result;
        if (outcome == Outcome.HELD) {
            result = journal.dryRun().isPresent() ? new Result.Skipped(skipReason()) : Result.passed();
        } else if (outcome == Outcome.ERROR || outcome == Outcome.INTERRUPTED || !carried) {
            result = outcome == Outcome.DEVIATED
                    ? new Result.Failed("deviated", headline.sentence(), story())
                    : new Result.Errored(outcome.label(), headline.sentence(), story());
        } else {
            result = Result.passed();
        }
        return new TestCase(prefix + ".run", "outcome " + outcome.label(), journal.elapsed().toNanos() / 1e9, result,
                story());
    }

    private String story() {
        List<String> lines = new ArrayList<>();
        lines.add(headline.label() + " (exit code " + headline.exitCode() + "): " + headline.sentence());
        lines.addAll(headline.details());
        lines.add("Faults: " + headline.faults().summary());
        return String.join("\n", lines);
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "experiment" : slug;
    }
}
