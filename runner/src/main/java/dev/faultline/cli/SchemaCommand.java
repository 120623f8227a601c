package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faultline.driver.Drivers;
import dev.faultline.schema.SchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code faultline schema}: the JSON Schema of the experiment format, for editors. */
@Command(name = "schema", description = "Print (or write) the JSON Schema of experiment files, with every function Faultline implements.")
final class SchemaCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(SchemaGenerator.generate(Drivers.standard())) + "\n";
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text);
            spec.commandLine().getOut().println("wrote " + output);
        }
        return ExitCodes.OK;
    }
}
