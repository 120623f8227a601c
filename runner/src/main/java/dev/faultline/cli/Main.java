package dev.faultline.cli;

import dev.faultline.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code faultline} command line. {@link #run(PrintWriter, PrintWriter, String...)} is the seam
 * tests use; {@link #main} only wires it to the process.
 */
@Command(name = "faultline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Runs chaos experiments (Chaos Toolkit format) safely: validates first, undoes every fault, "
                + "aborts on error-budget burn, and tells outcomes apart by exit code.",
        footer = {"", "Exit codes: 0 held, 1 deviated, 2 invalid input, 3 aborted/refused/interrupted, 4 error, 5 not met before.",
                "Docs: docs/ (exit codes: docs/exit-codes.md)."},
        subcommands = {
                RunCommand.class,
                ValidateCommand.class,
                RollbackCommand.class,
                AbortCommand.class,
                FunctionsCommand.class,
                SchemaCommand.class,
                ReportCommand.class,
                GameDayCommand.class,
                SloCommand.class,
                dev.faultline.demo.DemoCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and debug details.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("faultline: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (main.verbose) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with --verbose for details)");
            }
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"faultline " + Version.current(), "Java " + System.getProperty("java.version")};
        }
    }
}
