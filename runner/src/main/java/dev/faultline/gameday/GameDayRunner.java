package dev.faultline.gameday;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.engine.Engine;
import dev.faultline.engine.JournalFiles;
import dev.faultline.engine.Outcome;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
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
 * Runs a game day: each experiment in order, with the game day's shared configuration and the
 * caller's variables, one journal per experiment in the output directory. Experiments whose
 * drivers are unavailable are skipped with the reason; deviations and aborts continue or stop
 * the day as it says.
 */
public final class GameDayRunner {

    /**
     * @param variables configuration every experiment gets (beneath each entry's own {@code vars})
     * @param unavailable driver name to the reason it cannot be used here (experiments using it are skipped)
     * @param listeners a listener per experiment run (progress display)
     */
    public record Options(Path outDir, Path ledger, Map<String, Object> variables, Map<String, String> unavailable,
                          Function<Experiment, RunListener> listeners, RunOptions base) {
    }

    private final DriverRegistry registry;
    private final Engine engine;
    private final PrintWriter out;

    public GameDayRunner(DriverRegistry registry, Engine engine, PrintWriter out) {
        this.registry = registry;
        this.engine = engine;
        this.out = out;
    }

    /**
     * @param current where the running experiment's stop signal is published (for signal handlers)
     * @param cancelled true once the whole game day must stop (a signal, the kill switch)
     */
    public GameDayResult run(GameDay day, Options options, AtomicReference<StopSignal> current, BooleanSupplier cancelled)
            throws IOException {
        Files.createDirectories(options.outDir());
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        String stopReason = null;
        int index = 0;
        for (GameDay.Entry entry : day.experiments()) {
            index++;
            if (stopReason == null && cancelled.getAsBoolean()) {
                stopReason = "the game day was interrupted";
            }
            if (stopReason != null) {
                outcomes.add(new ExperimentOutcome(entry, entry.path().getFileName().toString(), null, stopReason, null, 0, null));
                continue;
            }
            ExperimentOutcome outcome = runOne(day, entry, index, options, current);
            outcomes.add(outcome);
            if (outcome.ran()) {
                stopReason = stopAfter(day, outcome.outcome());
            }
        }
        return new GameDayResult(day, outcomes);
    }

    private ExperimentOutcome runOne(GameDay day, GameDay.Entry entry, int index, Options options,
                                     AtomicReference<StopSignal> current) throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>(day.configuration());
        variables.putAll(options.variables());
        variables.putAll(entry.vars());
        LoadResult loaded = new ExperimentLoader(registry).load(entry.path(), LoadOptions.forRun()
                .withOverrides(variables, day.secrets(), Map.of()));
        String name = entry.path().getFileName().toString();
        if (!loaded.ok()) {
            loaded.errors().forEach(p -> out.println(p.render()));
            return new ExperimentOutcome(entry, name, null, "invalid: " + loaded.errors().stream().findFirst()
                    .map(Problem::message).orElse("see above"), null, 0, null);
        }
        Experiment experiment = loaded.experiment();
        String missing = missingDrivers(experiment, options.unavailable());
        if (missing != null) {
            out.println("skipping [" + experiment.title() + "]: " + missing);
            return new ExperimentOutcome(entry, experiment.title(), null, "skipped: " + missing, null, 0, null);
        }
        out.println();
        out.println("== experiment " + index + ": " + experiment.title() + (entry.expect() == null ? "" : " (expected: " + entry.expect() + ")"));
        StopSignal stop = new StopSignal();
        current.set(stop);
        Instant start = Instant.now();
        RunResult result = engine.run(experiment, options.base()
                .withOverrides(variables, day.secrets(), Map.of())
                .withLedger(options.ledger(), false)
                .withListener(options.listeners().apply(experiment)), stop);
        current.set(null);
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
            case ABORTED, REFUSED -> day.onAbort() == GameDay.Continuation.STOP ? "not run: an earlier experiment was aborted (on-abort: stop)" : null;
            case INTERRUPTED -> "not run: the game day was interrupted";
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
