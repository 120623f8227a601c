package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-27T05:16:08.123Z, 2026-11-27T05:16:08.123Z",
        "2026-11-27T05:16:08.123456, 2026-11-27T05:16:08.123456Z",
        "2026-11-27T05:16:08.883635+00:00, 2026-11-27T05:16:08.883635Z",
        "2026-11-27T07:16:08+02:00, 2026-11-27T05:16:08Z",
        "2026-11-27 05:16:08, 2026-11-27T05:16:08Z",
        "2026-11-27T05:16:08.123456789Z, 2026-11-27T05:16:08.123456789Z",
        "2026-11-27T05:16Z, 2026-11-27T05:16:00Z"})
    void readsTheFormsJournalsUse(String text, String expected) {
        assertThat(Timestamps.parse(text)).hasValue(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-27T25:00:00Z",
        "2026-11-27T05:16:08.1234567891Z", ""})
    void rejectsWhatIsNoTimestamp(String text) {
        assertThat(Timestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T05:16:08.1Z", "2026-11-27T05:16:08.000001", "1999-12-31T23:59:59.999999999Z",
        "2026-11-27T05:16:08-05:30"})
    void theFastPathAgreesWithTheJdk(String text) {
        Instant fast = FastTimestamp.parse(text);
        Instant jdk = text.endsWith("Z") || text.contains("+") || text.lastIndexOf('-') > 10
                ? java.time.OffsetDateTime.parse(text.endsWith("Z") ? text.replace("Z", "+00:00") : text).toInstant()
                : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        assertThat(fast).isEqualTo(jdk);
    }
}
