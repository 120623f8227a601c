package dev.faultline.cli;

import dev.faultline.driver.Drivers;
import dev.faultline.driver.FunctionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code faultline functions [PREFIX]}: every probe and action Faultline implements, with its arguments. */
@Command(name = "functions", description = "List the functions providers can call (Chaos Toolkit names and native names).")
final class FunctionsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "Only names starting with this, e.g. chaostoxi or toxiproxy/.")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (FunctionSpec function : Drivers.standard().specs()) {
            boolean shown = prefix == null || function.names().stream().anyMatch(n -> n.startsWith(prefix));
            if (!shown) {
                continue;
            }
            out.println(function.signature() + "  [" + function.kind().name().toLowerCase(java.util.Locale.ROOT) + "]");
            function.names().stream().skip(1).forEach(alias -> out.println("    also: " + alias));
            if (!function.summary().isEmpty()) {
                out.println("    " + function.summary());
            }
        }
        return ExitCodes.OK;
    }
}
