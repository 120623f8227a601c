package dev.faultline.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Options shared by commands that load experiments. */
final class VariableOptions {

    @Option(names = "--var", paramLabel = "KEY[:TYPE]=VALUE",
            description = "Set a configuration value (overrides the file). TYPE: str (default), int, float, bool, json.")
    List<String> vars = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Load configuration/secrets from a JSON or YAML file, or environment variables from a .env file.")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--skip-control", paramLabel = "MODULE",
            description = "Run without a Chaos Toolkit control module Faultline does not implement (e.g. chaostracing.control).")
    List<String> skippedControls = new ArrayList<>();

    Variables parse() throws Variables.BadVariable {
        return Variables.parse(vars, varFiles);
    }

    Set<String> skipped() {
        return new LinkedHashSet<>(skippedControls);
    }
}
