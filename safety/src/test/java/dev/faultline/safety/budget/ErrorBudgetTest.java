package dev.faultline.safety.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ErrorBudgetTest {

    private static final Duration DAYS_30 = Duration.ofDays(30);
    private final ErrorBudget b999 = new ErrorBudget(0.999, DAYS_30);

    @Test
    void budgetIsOneMinusTheObjective() {
        assertThat(b999.fraction()).isCloseTo(0.001, within(1e-12));
        assertThat(new ErrorBudget(0.99, DAYS_30).fraction()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void burnRateIsErrorRatioOverBudget() {
        // 1.62% errors against a 0.1% budget burns 16.2 times too fast
        assertThat(b999.burnRate(0.0162)).isCloseTo(16.2, within(1e-9));
        assertThat(BurnRate.of(0.001, b999).value()).isCloseTo(1.0, within(1e-9));
        assertThat(BurnRate.format(16.2)).isEqualTo("16.2x");
    }

    @Test
    void budgetConsumedIsRateTimesWindowOverPeriod() {
        // 14.4x for one hour of a 720-hour period: 14.4 / 720 = 2%
        assertThat(b999.consumed(14.4, Duration.ofHours(1))).isCloseTo(0.02, within(1e-12));
        // 6x for 6 h: 36 / 720 = 5%
        assertThat(b999.consumed(6, Duration.ofHours(6))).isCloseTo(0.05, within(1e-12));
        assertThat(BurnRate.of(0.0144, b999).consumedOver(Duration.ofHours(1))).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void remainingBudgetIsOneMinusBadOverAllowedBad() {
        // 1,000,000 requests allow 1,000 bad ones; 880 used leaves 12%
        assertThat(b999.remaining(880, 1_000_000)).isCloseTo(0.12, within(1e-12));
        assertThat(b999.remaining(0, 1_000_000)).isEqualTo(1.0);
        assertThat(b999.remaining(2000, 1_000_000)).isCloseTo(-1.0, within(1e-12));
        assertThat(b999.remainingFromRatio(0.0005)).isCloseTo(0.5, within(1e-12));
        assertThat(b999.allowedBadEvents(1_000_000)).isCloseTo(1000, within(1e-9));
    }

    @Test
    void thresholdForAFractionInAWindowIsFractionTimesPeriodOverWindow() {
        assertThat(b999.burnRateFor(0.02, Duration.ofHours(1))).isCloseTo(14.4, within(1e-9));
        assertThat(b999.burnRateFor(0.05, Duration.ofHours(6))).isCloseTo(6, within(1e-9));
        assertThat(b999.burnRateFor(0.10, Duration.ofDays(1))).isCloseTo(3, within(1e-9));
        assertThat(b999.burnRateFor(0.10, Duration.ofDays(3))).isCloseTo(1, within(1e-9));
        // a 28-day period changes the numbers: 0.02 * 672 h / 1 h
        assertThat(new ErrorBudget(0.999, Duration.ofDays(28)).burnRateFor(0.02, Duration.ofHours(1))).isCloseTo(13.44, within(1e-9));
    }

    @Test
    void workbookMultiwindowTableFor30Days() {
        List<BurnRateAlert> table = BurnRateAlerts.workbook(b999);
        assertThat(table).extracting(BurnRateAlert::severity).containsExactly("page", "page", "ticket", "ticket");
        assertThat(table).extracting(BurnRateAlert::longWindow)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
        assertThat(table).extracting(BurnRateAlert::shortWindow)
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
        assertThat(table.get(0).burnRate()).isCloseTo(14.4, within(1e-9));
        assertThat(table.get(1).burnRate()).isCloseTo(6, within(1e-9));
        assertThat(table.get(2).burnRate()).isCloseTo(3, within(1e-9));
        assertThat(table.get(3).burnRate()).isCloseTo(1, within(1e-9));
        assertThat(table).extracting(BurnRateAlert::budgetFraction).containsExactly(0.02, 0.05, 0.10, 0.10);
        // each row spends exactly its fraction when it burns for its long window
        for (BurnRateAlert row : table) {
            assertThat(b999.consumed(row.burnRate(), row.longWindow())).isCloseTo(row.budgetFraction(), within(1e-12));
        }
    }

    @Test
    void multiwindowRowFiresOnlyWhenBothWindowsBurn() {
        BurnRateAlert page = BurnRateAlerts.workbook(b999).get(0);
        assertThat(page.fires(15, 20)).isTrue();
        assertThat(page.fires(15, 2)).isFalse();
        assertThat(page.fires(2, 20)).isFalse();
    }

    @Test
    void refusesObjectivesOutsideZeroToOne() {
        assertThatThrownBy(() -> new ErrorBudget(99.9, DAYS_30)).hasMessageContaining("[99.9]");
        assertThatThrownBy(() -> new ErrorBudget(1.0, DAYS_30)).hasMessageContaining("[1.0]");
    }
}
