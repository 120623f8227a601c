package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({"0.93, 93%", "0.001875, 0.19%", "0.0000077, 0.00077%", "0.02, 2%", "0, 0%", "0.928125, 92.81%",
        "1, 100%", "0.0938, 9.38%", "0.9995, 99.95%", "0.99999, 99.999%", "0.999999, 99.9999%"})
    void percentagesKeepEnoughDigitsToNotReadAsZero(double fraction, String expected) {
        assertThat(Formats.percent(fraction)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"212, 212 ms", "4200, 4.2 s", "185000, 3 min 05 s", "3725000, 1 h 02 min"})
    void durationsUseTheLargestSensibleUnit(long millis, String expected) {
        assertThat(Formats.duration(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void offsetsCountFromTheRunStart() {
        Instant start = Instant.parse("2026-11-27T05:16:08Z");

        assertThat(Formats.offset(start.plusMillis(31_200), start)).isEqualTo("+31.2 s");
        assertThat(Formats.offset(start.plusMillis(245_200), start)).isEqualTo("+4:05.2");
        assertThat(Formats.offset(start.plusSeconds(3725), start)).isEqualTo("+1:02:05");
        assertThat(Formats.offset(start.minusMillis(500), start)).isEqualTo("-0.5 s");
    }

    @Test
    void numbersDropNeedlessDecimals() {
        assertThat(Formats.number(16.2)).isEqualTo("16.2");
        assertThat(Formats.number(2000.0)).isEqualTo("2000");
        assertThat(Formats.number(14.990000000001)).isEqualTo("14.99");
        assertThat(Formats.number(null)).isEqualTo("n/a");
    }
}
