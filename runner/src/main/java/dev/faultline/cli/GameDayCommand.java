package dev.faultline.cli;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Drivers;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.engine.Engine;
import dev.faultline.engine.PlannedAction;
import dev.faultline.experiment.SafetyContext;
import dev.faultline.experiment.SafetyBlocks;
import dev.faultline.engine.RunOptions;
import dev.faultline.gameday.ExperimentOutcome;
import dev.faultline.gameday.GameDay;
import dev.faultline.gameday.GameDayLoader;
import dev.faultline.gameday.GameDayReports;
import dev.faultline.gameday.GameDayResult;
import dev.faultline.gameday.GameDayRunner;
import dev.faultline.load.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** {@code faultline gameday run|plan FILE}: a suite of experiments, in order, with one exit code (docs/gamedays.md). */
@Command(name = "gameday", description = "Run or plan a game day: experiments in order against one system.",
        subcommands = {GameDayCommand.Run.class, GameDayCommand.Plan.class})
final class GameDayCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared: load the file and every experiment; print problems. Returns {@code null} when invalid. */
    static Loaded load(Path file, VariableOptions variables, DriverRegistry drivers, PrintWriter err) {
        try {
            Variables vars = variables.parse();
            GameDay day = GameDayLoader.load(file);
            GameDayRunner runner = new GameDayRunner(drivers, new PrintWriter(java.io.Writer.nullWriter()));
            GameDayRunner.Preparation preparation = runner.prepare(day, vars.configuration());
            preparation.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.render()));
            if (!preparation.ok()) {
                err.println("faultline: the game day is invalid: nothing was run");
                return null;
            }
            return new Loaded(day, preparation, vars);
        } catch (GameDayLoader.InvalidGameDay | Variables.BadVariable e) {
            err.println("faultline: " + e.getMessage());
            return null;
        }
    }

    record Loaded(GameDay day, GameDayRunner.Preparation preparation, Variables variables) {
    }

    @Command(name = "run", description = "Run every experiment of a game day; exit code: the worst outcome.")
    static final class Run implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "Game-day file.")
        Path file;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/gameday",
                description = "Journals, index.html, junit.xml and summary.md go here (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--ledger", paramLabel = "FILE", description = "Write-ahead fault ledger (default: ~/.faultline/ledger.jsonl).")
        Path ledger;

        @Mixin
        VariableOptions variables;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DriverRegistry drivers = Drivers.standard();
            drivers.prepareInBackground();
            Loaded loaded = load(file, variables, drivers, err);
            if (loaded == null) {
                return ExitCodes.INVALID;
            }
            console.println("faultline: game day [" + loaded.day().name() + "]: " + loaded.preparation().experiments().size()
                    + " experiments, output in " + out);
            GameDayResult result;
            try (RunSession session = RunSession.open("game day " + loaded.day().name() + " (" + file + ")", err)) {
                result = new GameDayRunner(drivers, console).run(loaded.day(),
                        loaded.preparation(), new GameDayRunner.Options(out, ledger, loaded.variables().configuration(), Map.of(),
                                experiment -> Console.progress(console), RunOptions.defaults()), session.current(), session::cancelled);
            }
            GameDayReports.Written reports = GameDayReports.write(result, out);
            print(console, result);
            if (reports.index() != null) {
                console.println("report: " + reports.index().toAbsolutePath());
                console.println("junit: " + reports.junit().toAbsolutePath());
                console.println("summary: " + reports.markdown().toAbsolutePath());
            }
            console.println("game day outcome: " + result.worst().wireName() + " (exit " + result.exitCode() + ")");
            return result.exitCode();
        }

        private static void print(PrintWriter out, GameDayResult result) {
            out.println();
            out.println("== game day summary");
            int width = result.experiments().stream().mapToInt(e -> e.title().length()).max().orElse(10);
            for (ExperimentOutcome e : result.experiments()) {
                String outcome = e.ran() ? e.outcome().wireName() + " (exit " + e.outcome().exitCode() + ")" : e.notRun();
                String expectation = !e.ran() || e.entry().expect() == null ? "" : e.asExpected() ? "  as expected" : "  UNEXPECTED (expected " + e.entry().expect() + ")";
                out.printf("  %-" + width + "s  %s%s%n", e.title(), outcome, expectation);
            }
        }
    }

    @Command(name = "plan", description = "Validate a game day and show what it would run and touch; injects nothing.")
    static final class Plan implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "Game-day file.")
        Path file;

        @Mixin
        VariableOptions variables;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DriverRegistry drivers = Drivers.standard();
            Loaded loaded = load(file, variables, drivers, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.INVALID;
            }
            GameDay day = loaded.day();
            out.println("game day: " + day.name() + (day.schedule() == null ? "" : " (schedule: " + day.schedule() + ")"));
            out.println("after a deviation: " + day.onDeviation().name().toLowerCase() + "; after an abort: " + day.onAbort().name().toLowerCase());
            Engine engine = new Engine(drivers);
            int index = 0;
            boolean ok = true;
            for (GameDayRunner.Prepared prepared : loaded.preparation().experiments()) {
                out.println();
                out.println(++index + ". " + prepared.experiment().title() + "  [" + prepared.entry().path() + "]"
                        + (prepared.entry().expect() == null ? "" : "  expect: " + prepared.entry().expect()));
                Engine.Plan plan = engine.plan(prepared.experiment(), RunOptions.defaults()
                        .withOverrides(prepared.variables(), day.secrets(), Map.of()));
                plan.configuration().forEach((k, v) -> out.println("   config " + k + " = " + PlanMasking.mask(k, v, day)));
                var safety = SafetyBlocks.effective(prepared.experiment().safety(),
                        new SafetyContext(day.safety(), day.file().toAbsolutePath().getParent(), null));
                out.println("   safety: " + (safety == null ? "none (no SLO guards, default pre-flight)" : safety.toString()));
                if (plan.error() != null) {
                    ok = false;
                    out.println("   cannot resolve targets: " + plan.error());
                }
                for (PlannedAction action : plan.targets()) {
                    PlannedTarget target = action.target();
                    out.println("   touches: " + target.description() + (target.reversible() ? "" : " (irreversible)") + "  [" + action.activity() + "]");
                    target.selected().forEach(r -> out.println("     - " + (r.namespace() == null ? "" : r.namespace() + "/") + r.name()));
                }
                prepared.experiment().method().forEach(a -> out.println("   " + a.type().wireName() + " " + a.name() + ": " + a.provider().describe()));
            }
            return ok ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
