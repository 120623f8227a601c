package dev.faultline.demo;

import dev.faultline.cli.Console;
import dev.faultline.cli.RunSession;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Drivers;
import dev.faultline.engine.RunOptions;
import dev.faultline.gameday.ExperimentOutcome;
import dev.faultline.gameday.GameDay;
import dev.faultline.gameday.GameDayLoader;
import dev.faultline.gameday.GameDayReports;
import dev.faultline.gameday.GameDayResult;
import dev.faultline.gameday.GameDayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code faultline demo}: starts the demo system (inventory, Toxiproxy, storefront, Prometheus),
 * runs the demo game day against it with live progress, writes journals (and reports) under
 * {@code out/demo/<timestamp>/}, and shuts everything down - also on Ctrl-C.
 */
@Command(name = "demo", description = "Start the demo services and run the demo game day against them (see docs/demo.md).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write journals and reports (default: out/demo/<timestamp>).")
    Path out;

    @Option(names = "--toxiproxy-url", paramLabel = "URL", description = "Use this Toxiproxy server instead of starting toxiproxy-server.")
    String toxiproxyUrl;

    @Option(names = "--gameday", paramLabel = "FILE", description = "Game day to run (default: experiments/demo/gameday.yaml).")
    Path gameDayFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = Home.root();
        Path dir = out != null ? out : root.resolve("out/demo").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        GameDay day = GameDayLoader.load(gameDayFile != null ? gameDayFile : root.resolve("experiments/demo/gameday.yaml"));
        RunSession session = RunSession.open("demo (" + dir + ")", err);
        Instant start = Instant.now();
        console.println("faultline demo: " + day.name() + " (output in " + dir + ")");
        DemoSystem system = new DemoSystem(root, dir.resolve("logs"), console);
        Thread hook = new Thread(system::stop, "faultline-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        GameDayResult result = null;
        try {
            system.start(toxiproxyUrl);
            system.skipped().forEach(s -> console.println("demo: skipping " + s));
            DriverRegistry drivers = Drivers.standard();
            drivers.prepareInBackground();
            GameDayRunner runner = new GameDayRunner(drivers, console);
            GameDayRunner.Preparation preparation = runner.prepare(day, system.variables());
            if (!preparation.ok()) {
                preparation.problems().stream().filter(dev.faultline.load.Problem::isError).forEach(p -> err.println(p.render()));
                return 2;
            }
            if (!session.cancelled()) {
                result = runner.run(day, preparation, new GameDayRunner.Options(dir, dir.resolve("ledger.jsonl"), system.variables(),
                        unavailable(system), experiment -> Console.progress(console), RunOptions.defaults()), session.current(), session::cancelled);
            }
        } finally {
            session.close();
            List<String> leftovers = system.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            leftovers.forEach(l -> err.println("faultline demo: could not clean up: " + l));
        }
        if (result == null) {
            console.println("demo interrupted before the game day started; everything was stopped.");
            return 3;
        }
        GameDayReports.Written reports = GameDayReports.write(result, dir);
        DemoSummary.print(console, result, dir, java.time.Duration.between(start, Instant.now()));
        if (reports.index() != null) {
            console.println("Report: " + reports.index() + " (open it in a browser; one page per experiment is linked from it)");
        }
        return result.allAsExpected() ? 0 : result.exitCode() == 0 ? 1 : result.exitCode();
    }

    private static Map<String, String> unavailable(DemoSystem system) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!system.has("toxiproxy_url")) {
            out.put("toxiproxy", "no Toxiproxy server (see the note above)");
        }
        if (!system.has("prometheus_base_url")) {
            out.put("prometheus", "no Prometheus server (see the note above)");
        }
        return out;
    }

    /** Prints the closing table. */
    static final class DemoSummary {
        private DemoSummary() {
        }

        static void print(PrintWriter out, GameDayResult result, Path dir, java.time.Duration took) {
            out.println();
            out.println("== demo summary (" + took.toSeconds() + " s)");
            for (ExperimentOutcome e : result.experiments()) {
                String outcome = e.ran() ? e.outcome().wireName() : e.notRun();
                String expectation = e.entry().expect() == null || !e.ran() ? ""
                        : e.asExpected() ? "  (as expected)" : "  (expected " + e.entry().expect() + ")";
                out.printf("  %-" + width(result) + "s  %s%s%n", e.title(), outcome, expectation);
                if (e.journal() != null) {
                    out.println("      journal: " + e.journal());
                }
            }
            out.println("Everything the demo started has been stopped; every fault was undone (see each journal's faults).");
            out.println("Output: " + dir);
        }
    }

    private static int width(GameDayResult result) {
        return result.experiments().stream().mapToInt(e -> e.title().length()).max().orElse(10);
    }

    /** Where the repository is: {@code -Dfaultline.home} (set by the launcher), else the working directory's ancestors. */
    static final class Home {
        private Home() {
        }

        static Path root() {
            String home = System.getProperty("faultline.home");
            if (home != null) {
                return Path.of(home);
            }
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                if (Files.isDirectory(dir.resolve("experiments/demo")) && Files.isDirectory(dir.resolve("demo"))) {
                    return dir;
                }
                dir = dir.getParent();
            }
            throw new IllegalStateException("the demo needs Faultline's repository (demo/ and experiments/demo/): run ./faultline demo from a clone");
        }
    }
}
