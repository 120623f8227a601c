package dev.faultline.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubstitutionTest {

    private final Substitution sub = Substitution.of(
            Map.of("host", "example.org", "port", 8080, "flag", true),
            Map.of("creds", Map.of("token", "s3cr3t", "host", "secret-host")));

    @Test
    void aWholeReferenceKeepsTheValuesType() {
        assertThat(sub.apply("${port}")).isEqualTo(8080);
        assertThat(sub.apply("$port")).isEqualTo(8080);
        assertThat(sub.apply("${flag}")).isEqualTo(true);
    }

    @Test
    void embeddedReferencesBecomeText() {
        assertThat(sub.apply("http://${host}:${port}/x")).isEqualTo("http://example.org:8080/x");
        assertThat(sub.apply("on=${flag}")).isEqualTo("on=True");
    }

    @Test
    void unknownNamesStayAsWritten() {
        assertThat(sub.apply("${missing}")).isEqualTo("${missing}");
        assertThat(sub.apply("a ${missing} b $other")).isEqualTo("a ${missing} b $other");
    }

    @Test
    void doubleDollarIsALiteralDollar() {
        assertThat(sub.apply("cost $$5 at ${host}")).isEqualTo("cost $5 at example.org");
    }

    @Test
    void configurationWinsOverSecretsAndSecretsAreFound() {
        assertThat(sub.apply("${host}")).isEqualTo("example.org");
        assertThat(sub.apply("Bearer ${token}")).isEqualTo("Bearer s3cr3t");
    }

    @Test
    void mapsAndListsAreSubstitutedRecursivelyWithoutChangingTheInput() {
        Map<String, Object> input = Map.of("url", "${host}", "list", List.of("${port}", Map.of("k", "${flag}")));
        Object out = sub.apply(input);
        assertThat(out).isEqualTo(Map.of("url", "example.org", "list", List.of(8080, Map.of("k", true))));
        assertThat(input.get("url")).isEqualTo("${host}");
    }

    @Test
    void referencesListsOnlyBracedNames() {
        assertThat(Substitution.references(Map.of("a", "${x} and $HOME", "b", List.of("${y}")))).containsExactly("x", "y");
    }
}
