package dev.faultline.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.faultline.driver.Drivers;
import dev.faultline.load.ExperimentLoader;
import dev.faultline.load.LoadOptions;
import dev.faultline.load.LoadResult;
import dev.faultline.testkit.Workspace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema is current, and every bundled experiment satisfies both it and the loader. */
class ExperimentSchemaTest {

    private static final Path ROOT = Workspace.repositoryRoot();
    private static final Path SCHEMA = ROOT.resolve("experiments/schema/experiment.schema.json");

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
    }

    @Test
    void thePublishedSchemaMatchesTheDrivers() throws IOException {
        String generated = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(SchemaGenerator.generate(Drivers.standard())) + "\n";
        boolean current = Files.readString(SCHEMA).equals(generated);
        assertThat(current)
                .as("experiments/schema/experiment.schema.json is stale: run ./faultline schema -o experiments/schema/experiment.schema.json")
                .isTrue();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonSchema schema = schema();
        JsonNode missingTitle = new YAMLMapper().readTree("description: d\nmethod: []\n");
        assertThat(schema.validate(missingTitle)).isNotEmpty();
        JsonNode badArgument = new YAMLMapper().readTree("""
                title: t
                description: d
                method:
                  - type: action
                    name: a
                    provider: {type: python, module: chaostoxi.toxic.actions, func: create_latency_toxic,
                               arguments: {for_proxy: p, toxic_name: t, latency: 1, colour: red}}
                """);
        assertThat(schema.validate(badArgument)).isNotEmpty();
        JsonNode unknownFunction = new YAMLMapper().readTree("""
                title: t
                description: d
                method:
                  - {type: action, name: a, provider: {type: python, module: chaosaws.ec2.actions, func: stop_instances}}
                """);
        assertThat(schema.validate(unknownFunction)).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyBundledExperimentIsValid() throws IOException {
        JsonSchema schema = schema();
        ExperimentLoader loader = new ExperimentLoader(Drivers.standard());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("experiments"))) {
            files = walk.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(f -> !f.startsWith(ROOT.resolve("experiments/schema")))
                    .filter(ExperimentSchemaTest::isExperiment)
                    .sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
            LoadResult result = loader.load(file, LoadOptions.forValidate());
            assertThat(result.errors()).as("loader problems").isEmpty();
            Set<ValidationMessage> messages = schema.validate(new YAMLMapper().readTree(file.toFile()));
            assertThat(messages).as("schema violations").isEmpty();
        }));
    }

    /** Experiments have a method; game days and SLO files living beside them do not. */
    private static boolean isExperiment(Path file) {
        try {
            return new YAMLMapper().readTree(file.toFile()).has("method");
        } catch (IOException e) {
            return true;
        }
    }
}
