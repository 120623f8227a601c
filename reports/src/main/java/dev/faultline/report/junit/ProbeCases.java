package dev.faultline.report.junit;

import dev.faultline.journal.HypothesisRun;
import dev.faultline.journal.RunRecord;
import dev.faultline.report.Formats;
import dev.faultline.report.Headline;
import dev.faultline.report.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test cases for hypothesis probes. Not met before the method is an error (nothing was tried); not met
 * during or after it is a failure (the weakness the experiment looks for); a probe that raised is an error.
 */
final class ProbeCases {

    private static final int MISSES_LISTED = 50;

    private ProbeCases() {
    }

    static TestCase before(String prefix, RunRecord probe, Redactor redactor, String skipReason) {
        return single(prefix + ".before-hypothesis", probe, redactor, skipReason, false);
    }

    static TestCase after(String prefix, RunRecord probe, Redactor redactor, String skipReason) {
        return single(prefix + ".after-hypothesis", probe, redactor, skipReason, true);
    }

    private static TestCase single(String classname, RunRecord probe, Redactor redactor, String skipReason,
            boolean missIsFailure) {
        String problem = Headline.probeProblem(probe, redactor);
        Result result;
        if (probe.skipped()) {
            result = new Result.Skipped(skipReason);
        } else if (probe.failed()) {
            result = new Result.Errored("probe-failed", redactor.scrub(problem),
                    redactor.scrub(String.join("", probe.exception())));
        } else if (Boolean.FALSE.equals(probe.toleranceMet())) {
            result = missIsFailure
                    ? new Result.Failed("deviated", "steady state not met after the method: " + problem, null)
                    : new Result.Errored("not-met", "steady state not met before the method: " + problem, null);
        } else {
            result = Result.passed();
        }
        return new TestCase(classname, redactor.scrub(probe.activity().name()), probe.elapsed().toNanos() / 1e9,
                result, null);
    }

    /** One case per probe across all checks made during the method. */
    static List<TestCase> during(String prefix, List<HypothesisRun> during, Instant start, Redactor redactor) {
        Map<String, List<RunRecord>> byProbe = new LinkedHashMap<>();
        for (HypothesisRun run : during) {
            run.probes().forEach(p -> byProbe.computeIfAbsent(p.activity().name(), k -> new ArrayList<>()).add(p));
        }
        List<TestCase> cases = new ArrayList<>();
        byProbe.forEach((name, runs) -> {
            List<RunRecord> misses = runs.stream().filter(p -> !p.skipped()
                    && (p.failed() || Boolean.FALSE.equals(p.toleranceMet()))).toList();
            double seconds = runs.stream().mapToDouble(p -> p.elapsed().toNanos() / 1e9).sum();
            Result result = Result.passed();
            if (!misses.isEmpty()) {
                RunRecord first = misses.get(0);
                String message = String.format("steady state not met during the method in %d of %d checks; first at "
                        + "%s: %s", misses.size(), runs.size(), Formats.offset(first.start(), start),
                        Headline.probeProblem(first, redactor));
                List<String> lines = new ArrayList<>();
                misses.stream().limit(MISSES_LISTED).forEach(p -> lines.add(Formats.offset(p.start(), start) + " "
                        + Headline.probeProblem(p, redactor)));
                if (misses.size() > MISSES_LISTED) {
                    lines.add("... and " + (misses.size() - MISSES_LISTED) + " more; the journal has them all");
                }
                result = new Result.Failed("deviated", redactor.scrub(message), redactor.scrub(String.join("\n", lines)));
            } else if (runs.stream().allMatch(RunRecord::skipped)) {
                result = new Result.Skipped("skipped");
            }
            cases.add(new TestCase(prefix + ".during-hypothesis", redactor.scrub(name), seconds, result,
                    runs.size() + " checks"));
        });
        return cases;
    }
}
