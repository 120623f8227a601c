package dev.faultline.cli;

import dev.faultline.driver.Drivers;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code faultline validate FILE...}: reports every problem of each file; exit 2 when any has errors. */
@Command(name = "validate", description = "Check experiment files without running anything; every problem is reported at once.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment files (.json, .yaml, .yml).")
    List<Path> files;

    @Mixin
    VariableOptions variables;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Variables vars;
        try {
            vars = variables.parse();
        } catch (Variables.BadVariable e) {
            err.println("faultline: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        LoadOptions options = LoadOptions.forValidate()
                .withOverrides(vars.configuration(), vars.secrets(), vars.environment())
                .withSkippedControls(variables.skipped());
        ExperimentLoader loader = new ExperimentLoader(Drivers.standard());
        boolean ok = true;
        for (Path file : files) {
            LoadResult result = loader.load(file, options);
            Problems.print(result, err);
            if (result.ok()) {
                out.println(file + ": valid" + (result.warnings().isEmpty() ? "" : " (" + result.warnings().size() + " warning"
                        + (result.warnings().size() == 1 ? "" : "s") + ")"));
            } else {
                ok = false;
            }
        }
        return ok ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
