package dev.faultline.cli;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Drivers;
import dev.faultline.engine.DryRun;
import dev.faultline.engine.Engine;
import dev.faultline.engine.JournalFiles;
import dev.faultline.engine.RunOptions;
import dev.faultline.engine.RunResult;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.HypothesisStrategy;
import dev.faultline.experiment.RollbackStrategy;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import dev.faultline.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code faultline run FILE}: validates, runs, undoes, writes the journal; the exit code tells the outcome. */
@Command(name = "run", description = "Run an experiment. Nothing is injected unless the whole file is valid; every fault is undone at the end.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Experiment file (.json, .yaml, .yml).")
    Path file;

    @Option(names = "--journal", paramLabel = "PATH", description = "Where to write the journal (default: ${DEFAULT-VALUE}).",
            defaultValue = "journal.json")
    Path journal;

    @Option(names = "--dry", paramLabel = "MODE", description = "Skip probes, actions, activities or pause (journaled as skipped).")
    String dry;

    @Option(names = "--hypothesis-strategy", paramLabel = "STRATEGY",
            description = "default, before-method-only, after-method-only, during-method-only, continuously.")
    String hypothesisStrategy;

    @Option(names = "--hypothesis-frequency", paramLabel = "SECONDS", description = "Pause between during-method hypothesis runs (default 1).")
    Double hypothesisFrequency;

    @Option(names = "--rollback-strategy", paramLabel = "STRATEGY", description = "default, always, never, deviated.")
    String rollbackStrategy;

    @Option(names = "--fail-fast", description = "Stop as soon as the steady state deviates during the method.")
    boolean failFast;

    @Option(names = "--ledger", paramLabel = "FILE", description = "Write-ahead fault ledger (default: $FAULTLINE_LEDGER or ~/.faultline/ledger.jsonl).")
    Path ledger;

    @Option(names = "--rollback-first", description = "Undo faults left open by an earlier crashed run before starting, instead of refusing.")
    boolean rollbackFirst;

    @Option(names = "--report", paramLabel = "FILE", description = "HTML report (default: the journal's name with .html).")
    Path report;

    @Option(names = "--no-report", description = "Do not write the HTML report.")
    boolean noReport;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also append a Markdown summary (e.g. to \"$GITHUB_STEP_SUMMARY\").")
    Path markdown;

    @Mixin
    VariableOptions variables;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options;
        Variables vars;
        try {
            vars = variables.parse();
            options = options(vars);
        } catch (Variables.BadVariable | IllegalArgumentException e) {
            err.println("faultline: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        DriverRegistry drivers = Drivers.standard();
        drivers.prepareInBackground();
        LoadResult loaded = new ExperimentLoader(drivers).load(file, LoadOptions.forRun()
                .withOverrides(vars.configuration(), vars.secrets(), vars.environment())
                .withSkippedControls(variables.skipped()));
        Problems.print(loaded, err);
        if (!loaded.ok()) {
            return ExitCodes.INVALID;
        }
        return execute(drivers, loaded.experiment(), options, out, err);
    }

    private int execute(DriverRegistry drivers, Experiment experiment, RunOptions base, PrintWriter out, PrintWriter err) throws IOException {
        RunResult result;
        out.println("faultline: running [" + experiment.title() + "] from " + file);
        try (RunSession session = RunSession.open(experiment.title() + " (" + file + ")", err);
             ConsoleProgress progress = new ConsoleProgress(out, Clock.systemUTC(), ConsoleProgress.onTerminal())) {
            result = new Engine(drivers).run(experiment, base.withListener(progress), session.stopSignal());
        }
        JournalFiles.write(journal, result.journal());
        out.println();
        out.println("outcome: " + result.outcome().wireName() + " (exit " + result.exitCode() + ": " + result.outcome().meaning() + ")");
        String error = result.journal().path("faultline").path("error").path("message").asText(null);
        if (error != null) {
            out.println("error: " + error);
        }
        result.journal().path("faultline").path("refusal").path("verdicts")
                .forEach(v -> out.println("refused: " + v.path("reason").asText()));
        out.println("journal: " + journal.toAbsolutePath());
        writeReports(out, err);
        return result.exitCode();
    }

    /** Reports are a convenience on top of the journal: failing to write one never changes the outcome. */
    private void writeReports(PrintWriter out, PrintWriter err) {
        List<Path> journals = List.of(journal);
        try {
            if (!noReport) {
                Path html = report != null ? report : journal.resolveSibling(journal.getFileName().toString().replaceFirst("\\.json$", "") + ".html");
                Reports.writeHtml(journals, html);
                out.println("report: " + html.toAbsolutePath());
            }
            if (junit != null) {
                Reports.writeJunit(journals, junit);
                out.println("junit: " + junit.toAbsolutePath());
            }
            if (markdown != null) {
                Reports.appendMarkdown(journals, markdown);
                out.println("markdown: " + markdown.toAbsolutePath());
            }
        } catch (IOException | RuntimeException e) {
            err.println("faultline: could not write a report (the journal is complete): " + e.getMessage());
        }
    }

    private RunOptions options(Variables vars) {
        RunOptions options = RunOptions.defaults()
                .withOverrides(vars.configuration(), vars.secrets(), vars.environment())
                .withLedger(ledger, rollbackFirst)
                .withCommand(String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        if (dry != null) {
            options = options.withDry(DryRun.parse(dry).orElseThrow(() ->
                    new IllegalArgumentException("--dry [" + dry + "] is not one of probes, actions, activities, pause")));
        }
        HypothesisStrategy hypothesis = hypothesisStrategy == null ? null : HypothesisStrategy.parse(hypothesisStrategy)
                .orElseThrow(() -> new IllegalArgumentException("--hypothesis-strategy [" + hypothesisStrategy + "] is not one of "
                        + HypothesisStrategy.choices()));
        RollbackStrategy rollbacks = rollbackStrategy == null ? null : RollbackStrategy.parse(rollbackStrategy)
                .orElseThrow(() -> new IllegalArgumentException("--rollback-strategy [" + rollbackStrategy + "] is not one of "
                        + RollbackStrategy.choices()));
        if (hypothesisFrequency != null && hypothesisFrequency <= 0) {
            throw new IllegalArgumentException("--hypothesis-frequency must be a positive number of seconds, but was [" + hypothesisFrequency + "]");
        }
        Duration frequency = hypothesisFrequency == null ? null : Duration.ofMillis((long) (hypothesisFrequency * 1000));
        return options.withStrategies(hypothesis, rollbacks, frequency, failFast);
    }
}
