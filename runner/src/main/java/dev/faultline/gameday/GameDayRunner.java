package dev.faultline.gameday;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.engine.Engine;
import dev.faultline.engine.JournalFiles;
import dev.faultline.engine.Outcome;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.experiment.SafetyContext;
import dev.faultline.engine.StopSignal;
import dev.faultline.experiment.Activity;
import dev.faultline.experiment.Experiment;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import dev.faultline.load.Problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a game day (docs/gamedays.md): every experiment is loaded and validated first - one invalid
 * file means nothing runs - then each runs in order, one journal each, and the day goes on or stops
 * after deviations, aborts, interruptions and errors as the file says.
 */
public final class GameDayRunner {

    /**
     * @param variables configuration from the command line (or the demo system): beneath each entry's
     *     {@code vars}, above the game day's {@code configuration}
     * @param unavailable driver name to the reason it cannot be used here (experiments using it are skipped)
     * @param listeners a listener per experiment run (progress display)
     */
    public record Options(Path outDir, Path ledger, Map<String, Object> variables, Map<String, String> unavailable,
                          Function<Experiment, RunListener> listeners, RunOptions base) {
        Options withSafety(SafetyContext shared) {
            return new Options(outDir, ledger, variables, unavailable, listeners, base.withSafety(shared));
        }
    }

    /** An experiment ready to run, with the configuration it gets. */
    public record Prepared(GameDay.Entry entry, Experiment experiment, Map<String, Object> variables) {
    }

    /** The result of validating a whole game day: either every experiment is ready, or there are problems. */
    public record Preparation(List<Prepared> experiments, List<Problem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    private final DriverRegistry registry;
    private final Engine engine;
    private final PrintWriter out;

    public GameDayRunner(DriverRegistry registry, PrintWriter out) {
        this.registry = registry;
        this.engine = new Engine(registry);
        this.out = out;
    }

    /** Loads and validates every experiment with the values it will get; runs nothing. */
    public Preparation prepare(GameDay day, Map<String, Object> variables) {
        List<Prepared> prepared = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ExperimentLoader loader = new ExperimentLoader(registry);
        for (GameDay.Entry entry : day.experiments()) {
            Map<String, Object> values = new LinkedHashMap<>(day.configuration());
            values.putAll(variables);
            values.putAll(entry.vars());
            LoadResult loaded = loader.load(entry.path(), LoadOptions.forRun().withOverrides(values, day.secrets(), Map.of()));
            problems.addAll(loaded.problems());
            if (loaded.ok()) {
                prepared.add(new Prepared(entry, loaded.experiment(), values));
            }
        }
        return new Preparation(prepared, problems);
    }

    /**
     * Runs a prepared (valid) game day.
     *
     * @param current where the running experiment's stop signal is published (for signal handlers)
     * @param cancelled true once the whole game day must stop (a signal, the kill switch)
     */
    public GameDayResult run(GameDay day, Preparation preparation, Options options, AtomicReference<StopSignal> current,
                             BooleanSupplier cancelled) throws IOException {
        if (!preparation.ok()) {
            throw new IllegalArgumentException("the game day is not valid; prepare() reported its problems");
        }
        Files.createDirectories(options.outDir());
        SafetyContext shared = new SafetyContext(day.safety(), day.file().toAbsolutePath().getParent(), Instant.now());
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        String stopReason = null;
        int index = 0;
        for (Prepared prepared : preparation.experiments()) {
            index++;
            if (stopReason == null && cancelled.getAsBoolean()) {
                stopReason = "not run: the game day was interrupted";
            }
            if (stopReason != null) {
                outcomes.add(notRun(prepared, stopReason));
                continue;
            }
            String missing = missingDrivers(prepared.experiment(), options.unavailable());
            if (missing != null) {
                out.println("skipping [" + prepared.experiment().title() + "]: " + missing);
                outcomes.add(notRun(prepared, "skipped: " + missing));
                continue;
            }
            ExperimentOutcome outcome = runOne(day, prepared, index, options.withSafety(shared), current);
            outcomes.add(outcome);
            stopReason = stopAfter(day, outcome.outcome());
        }
        return new GameDayResult(day, outcomes);
    }

    private static ExperimentOutcome notRun(Prepared prepared, String reason) {
        return new ExperimentOutcome(prepared.entry(), prepared.experiment().title(), null, reason, null, 0, null);
    }

    private ExperimentOutcome runOne(GameDay day, Prepared prepared, int index, Options options,
                                     AtomicReference<StopSignal> current) throws IOException {
        Experiment experiment = prepared.experiment();
        GameDay.Entry entry = prepared.entry();
        out.println();
        out.println("== experiment " + index + ": " + experiment.title() + (entry.expect() == null ? "" : " (expected: " + entry.expect() + ")"));
        StopSignal stop = new StopSignal();
        current.set(stop);
        Instant start = Instant.now();
        RunResult result = engine.run(experiment, options.base()
                .withOverrides(prepared.variables(), day.secrets(), Map.of())
                .withLedger(options.ledger(), false)
                .withListener(options.listeners().apply(experiment)), stop);
        current.set(null);
        String name = entry.path().getFileName().toString();
        Path journal = options.outDir().resolve(String.format(Locale.ROOT, "%02d-%s.journal.json", index, slug(name)));
        JournalFiles.write(journal, result.journal());
        String detail = result.journal().path("faultline").path("error").path("message").asText(null);
        if (detail == null && result.journal().at("/faultline/abort/reason").isTextual()) {
            detail = result.journal().at("/faultline/abort/reason").asText();
        }
        return new ExperimentOutcome(entry, experiment.title(), result.outcome(), null, journal,
                Duration.between(start, Instant.now()).toMillis() / 1000.0, detail);
    }

    private static String stopAfter(GameDay day, Outcome outcome) {
        return switch (outcome) {
            case DEVIATED -> day.onDeviation() == GameDay.Continuation.STOP ? "not run: an earlier experiment deviated (on-deviation: stop)" : null;
            case ABORTED, REFUSED -> day.onAbort() == GameDay.Continuation.STOP ? "not run: an earlier experiment was aborted or refused (on-abort: stop)" : null;
            case INTERRUPTED -> "not run: the game day was interrupted";
            case ERROR -> "not run: an earlier experiment ended in an error";
            default -> null;
        };
    }

    private String missingDrivers(Experiment experiment, Map<String, String> unavailable) {
        if (unavailable.isEmpty()) {
            return null;
        }
        List<String> reasons = experiment.allActivities().stream()
                .map(Activity::provider)
                .map(p -> registry.function(p.function()).map(e -> e.driver().name()).orElse(""))
                .distinct()
                .filter(unavailable::containsKey)
                .map(unavailable::get)
                .collect(Collectors.toList());
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    static String slug(String fileName) {
        String base = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
