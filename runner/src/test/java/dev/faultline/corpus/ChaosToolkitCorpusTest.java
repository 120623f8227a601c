package dev.faultline.corpus;

import dev.faultline.cli.Main;
import dev.faultline.testkit.Workspace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faultline validate} over every real Chaos Toolkit experiment in ../shared/ctk-corpus: each
 * is accepted, or rejected with exit code 2 and the specific reason recorded in
 * ctk-corpus-expectations.tsv, never with a stack trace.
 */
class ChaosToolkitCorpusTest {

    record Expectation(String outcome, String category, String errorsContain) {
    }

    private static Map<String, Expectation> expectations() throws IOException {
        Map<String, Expectation> table = new LinkedHashMap<>();
        try (InputStream in = ChaosToolkitCorpusTest.class.getResourceAsStream("/ctk-corpus-expectations.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split("\t");
                table.put(cells[0], new Expectation(cells[1], cells[2], cells[3]));
            }
        }
        return table;
    }

    private static Set<String> corpusFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches(".*\\.(json|ya?ml)$"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyCorpusFileHasAnExpectationAndEveryExpectationAFile() throws IOException {
        Set<String> files = corpusFiles(Workspace.ctkCorpus());
        assertThat(expectations().keySet()).as("rows of ctk-corpus-expectations.tsv").containsExactlyInAnyOrderElementsOf(files);
    }

    @TestFactory
    Stream<DynamicTest> validateGivesTheExpectedVerdict() throws IOException {
        Path corpus = Workspace.ctkCorpus();
        Map<String, Expectation> table = expectations();
        return corpusFiles(corpus).stream().filter(table::containsKey).map(name -> DynamicTest.dynamicTest(name, () -> {
            Expectation expected = table.get(name);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "validate", corpus.resolve(name).toString());
            String errors = err.toString();
            assertThat(errors).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
            if (expected.outcome().equals("valid")) {
                assertThat(code).as(errors).isZero();
            } else {
                assertThat(code).as(out.toString()).isEqualTo(2);
                assertThat(errors).contains(expected.errorsContain()).contains(": error: ").contains("fix: ");
            }
        }));
    }

    @Test
    void theTableSaysWhyEveryRejectedFileIsRejected() throws IOException {
        Set<String> categories = Set.of("unsupported-function", "unsupported-control", "missing-description", "legacy-format", "bad-arguments");
        expectations().forEach((file, e) -> {
            if (e.outcome().equals("invalid")) {
                assertThat(categories).as(file).contains(e.category());
                assertThat(e.errorsContain()).as(file).isNotBlank().isNotEqualTo("-");
            } else {
                assertThat(e.outcome()).as(file).isEqualTo("valid");
            }
        });
    }
}
