package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {"db_password", "PASSWORD", "api_token", "client-secret", "Authorization", "apiKey",
        "x-api-key", "aws_access_key_id", "session_cookie", "private_key"})
    void recognisesCredentialNames(String key) {
        assertThat(Redactor.isSecretName(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"storefront_url", "toxic_name", "author", "keyspace", "timeout"})
    void leavesOrdinaryNamesAlone(String key) {
        assertThat(Redactor.isSecretName(key)).isFalse();
    }

    @Test
    void masksCredentialNamedValuesAtAnyDepth() throws Exception {
        JsonNode node = new ObjectMapper().readTree("{\"url\": \"http://x\", \"headers\": {\"Authorization\": "
                + "\"Bearer abc\"}, \"list\": [{\"password\": 12345}], \"token\": null}");

        JsonNode masked = Redactor.none().mask(node);

        assertThat(masked.toString()).isEqualTo("{\"url\":\"http://x\",\"headers\":{\"Authorization\":\"***\"},"
                + "\"list\":[{\"password\":\"***\"}],\"token\":null}");
        assertThat(node.path("headers").path("Authorization").asText()).isEqualTo("Bearer abc");
    }

    @Test
    void cutsSecretsTheJournalLeakedOutOfEveryText() {
        Journal held = Fixtures.journal("held");
        Redactor redactor = Redactor.of(held);

        String output = held.run().get(1).output().toString();

        assertThat(output).contains("s3cr3t-leaked-value");
        assertThat(redactor.scrub(output)).doesNotContain("s3cr3t-leaked-value").contains("shop:***@db");
        assertThat(redactor.mask(held.run().get(1).output()).toString()).doesNotContain("s3cr3t-leaked-value");
    }

    @Test
    void learnsLeakedValuesFromAChaosToolkitJournal() {
        // chaostoolkit writes configuration as given, credentials included.
        Journal ctk = Fixtures.journal("ctk-plain");

        assertThat(Redactor.of(ctk).scrub("pw=p4ss-from-config")).isEqualTo("pw=***");
    }
}
