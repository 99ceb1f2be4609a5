package dev.lantian.hardware.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

    @Test
    void sleepAdvancesInsteadOfWaitingSoADayReplaysInstantly() {
        VirtualClock clock = new VirtualClock(T0, ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < 86_400; i++) {
            clock.sleep(Duration.ofSeconds(1));
        }
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void stepsBackLikeAnNtpCorrectionAndZoneViewsShareTheInstant() {
        VirtualClock clock = new VirtualClock(T0, ZoneId.of("UTC"));
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofMinutes(10));
        clock.set(T0.plusSeconds(30));
        assertThat(shanghai.instant()).isEqualTo(T0.plusSeconds(30));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
