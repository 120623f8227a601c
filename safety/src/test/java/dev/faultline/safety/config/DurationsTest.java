package dev.faultline.safety.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void readsPrometheusOpenSloAndIsoForms() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("1M")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("1Q")).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesTextThatIsNotADuration() {
        assertThat(Durations.tryParse("5 minutes")).isEmpty();
        assertThat(Durations.tryParse("5")).isEmpty();
        assertThat(Durations.tryParse("m5")).isEmpty();
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("[soon]").hasMessageContaining("250ms");
    }

    @Test
    void writesPrometheusRangesInTheLargestExactUnit() {
        assertThat(Durations.prometheus(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.prometheus(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Durations.prometheus(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.prometheus(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.prometheus(Duration.ofSeconds(7))).isEqualTo("7s");
    }

    @Test
    void formatsNumbersShortly() {
        assertThat(Numbers.format(16.2345)).isEqualTo("16.2");
        assertThat(Numbers.format(14.4)).isEqualTo("14.4");
        assertThat(Numbers.format(0.00123456)).isEqualTo("0.00123");
        assertThat(Numbers.format(1234.5)).isEqualTo("1235");
        assertThat(Numbers.percent(0.12)).isEqualTo("12%");
        assertThat(Numbers.percent(0.025)).isEqualTo("2.5%");
    }
}
