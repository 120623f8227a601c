package dev.faultline.driver.prometheus;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T05:16:08Z");

    @Test
    void readsTheFormsChaosToolkitExperimentsUse() {
        assertThat(RelativeTime.parse("now", NOW)).contains(NOW);
        assertThat(RelativeTime.parse("5 minutes ago", NOW)).contains(NOW.minusSeconds(300));
        assertThat(RelativeTime.parse("1 hour ago", NOW)).contains(NOW.minusSeconds(3600));
        assertThat(RelativeTime.parse("30s ago", NOW)).contains(NOW.minusSeconds(30));
        assertThat(RelativeTime.parse("in 2 minutes", NOW)).contains(NOW.plusSeconds(120));
        assertThat(RelativeTime.parse("2026-11-27T05:00:00Z", NOW)).contains(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(RelativeTime.parse("2026-11-27T06:00:00+01:00", NOW)).contains(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(RelativeTime.parse("1795756568.25", NOW)).contains(Instant.parse("2026-11-27T05:16:08.250Z"));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(RelativeTime.parse("2 mns ago", NOW)).isEmpty();
        assertThat(RelativeTime.parse("right now", NOW)).isEmpty();
        assertThat(RelativeTime.parse("in 5 minutes ago", NOW)).isEmpty();
        assertThat(RelativeTime.parse("5 minutes", NOW)).isEmpty();
    }
}
