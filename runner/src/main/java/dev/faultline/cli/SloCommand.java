package dev.faultline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.safety.rules.PrometheusRules;
import dev.faultline.safety.slo.Slo;
import dev.faultline.safety.slo.SloLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code faultline slo rules FILE...}: Prometheus recording rules and burn-rate alerts from SLO files (bad files: exit 2). */
@Command(name = "slo", description = "Work with SLO files (OpenSLO v1, Sloth prometheus/v1, the simple per-service form).",
        subcommands = SloCommand.Rules.class)
final class SloCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rules", description = "Print a PrometheusRule: error-ratio recording rules per window and the four "
            + "multiwindow burn-rate alerts (SRE Workbook), from the same SLO files the guards use. Check it with promtool.")
    static final class Rules implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO files.")
        List<Path> files;

        @Option(names = "--namespace", paramLabel = "NS", description = "metadata.namespace of the PrometheusRule.")
        String namespace;

        @Option(names = "--name", paramLabel = "NAME", description = "metadata.name (default: faultline-slo-<first SLO>).")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Slo> slos = new ArrayList<>();
            try {
                for (Path file : files) {
                    slos.addAll(SloLoader.load(file));
                }
                ObjectNode resource = PrometheusRules.resource(slos, name, namespace);
                YAMLMapper yaml = new YAMLMapper(new YAMLFactory()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
                String text = yaml.writeValueAsString(resource);
                if (output == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(output, text);
                    spec.commandLine().getOut().println("wrote " + output);
                }
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("faultline: " + e.getMessage());
                return ExitCodes.INVALID;
            }
        }
    }
}
