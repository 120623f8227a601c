package dev.faultline.safety.preflight;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    // 2026-11-23 is a Monday
    @Test
    void officeHoursInParis() {
        TimeWindow w = TimeWindow.parse("Mon-Fri 09:00-17:00 Europe/Paris");
        assertThat(w.contains(Instant.parse("2026-11-23T08:00:00Z"))).isTrue();   // 09:00 Paris (UTC+1)
        assertThat(w.contains(Instant.parse("2026-11-23T07:59:00Z"))).isFalse();  // 08:59 Paris
        assertThat(w.contains(Instant.parse("2026-11-23T16:00:00Z"))).isFalse();  // 17:00 Paris: end is exclusive
        assertThat(w.contains(Instant.parse("2026-11-27T15:59:00Z"))).isTrue();   // Friday 16:59
        assertThat(w.contains(Instant.parse("2026-11-28T10:00:00Z"))).isFalse();  // Saturday
    }

    @Test
    void windowsPastMidnightBelongToTheDayTheyStart() {
        TimeWindow w = TimeWindow.parse("Fri 22:00-06:00");
        assertThat(w.contains(Instant.parse("2026-11-27T23:00:00Z"))).isTrue();   // Friday night
        assertThat(w.contains(Instant.parse("2026-11-28T05:59:00Z"))).isTrue();   // Saturday early morning
        assertThat(w.contains(Instant.parse("2026-11-28T23:00:00Z"))).isFalse();  // Saturday night
        assertThat(w.contains(Instant.parse("2026-11-27T05:00:00Z"))).isFalse();  // Friday early morning (Thursday's night)
    }

    @Test
    void daysDefaultToEveryDayAndListsAndWrappingRangesWork() {
        assertThat(TimeWindow.parse("00:00-24:00").contains(Instant.parse("2026-11-29T23:59:00Z"))).isTrue();
        TimeWindow weekend = TimeWindow.parse("Sat,Sun 10:00-12:00 UTC");
        assertThat(weekend.contains(Instant.parse("2026-11-29T11:00:00Z"))).isTrue();
        assertThat(weekend.contains(Instant.parse("2026-11-27T11:00:00Z"))).isFalse();
        assertThat(TimeWindow.parse("Fri-Mon 10:00-11:00").contains(Instant.parse("2026-11-29T10:30:00Z"))).isTrue();
    }

    @Test
    void badWindowsSayWhatIsWrong() {
        assertThatThrownBy(() -> TimeWindow.parse("weekdays")).hasMessageContaining("[weekdays] is not a time window");
        assertThatThrownBy(() -> TimeWindow.parse("Mon-Fri 09:00-17:00 Mars/Olympus")).hasMessageContaining("[Mars/Olympus]");
        assertThatThrownBy(() -> TimeWindow.parse("Mon 25:00-26:00")).hasMessageContaining("[25:00]");
        assertThatThrownBy(() -> TimeWindow.parse("Mon 10:00-10:00")).hasMessageContaining("starts and ends at the same time");
    }

    @Test
    void theCheckAllowsInsideAndDeniesOutsideEveryWindow() {
        AllowedWindowsCheck check = new AllowedWindowsCheck(List.of(TimeWindow.parse("Mon-Fri 09:00-17:00 UTC")));
        Verdict inside = check.evaluate(Instant.parse("2026-11-23T10:15:00Z"));
        assertThat(inside.allowed()).isTrue();
        Verdict outside = check.evaluate(Instant.parse("2026-11-28T10:15:00Z"));
        assertThat(outside.allowed()).isFalse();
        assertThat(outside.check()).isEqualTo("allowed-windows");
        assertThat(outside.reason()).startsWith("now [Sat 10:15 UTC] is outside the allowed windows [Mon-Fri 09:00-17:00 UTC]");
        assertThat(new AllowedWindowsCheck(List.of()).evaluate(Instant.EPOCH).allowed()).isTrue();
    }
}
