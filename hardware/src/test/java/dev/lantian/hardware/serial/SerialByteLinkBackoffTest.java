package dev.lantian.hardware.serial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing adapter is retried on a doubling schedule of the injected clock, waiting (not spinning) in between. */
class SerialByteLinkBackoffTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void retriesOnADoublingScheduleAndWaitsOnTheClockBetweenAttempts(@TempDir Path dir) {
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8));
        try (SerialByteLink link = new SerialByteLink(SerialSettings.of(dir.resolve("ttyUSB0").toString(), 9600),
                clock, backoff)) {
            assertThat(link.open()).isFalse();
            List<Long> secondsAfterEachRead = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                assertThat(link.read(new byte[8], Duration.ofSeconds(60))).isEqualTo(ByteLink.LOST);
                secondsAfterEachRead.add(Duration.between(T0, clock.instant()).toSeconds());
            }
            // attempts at 0, 1, 3, 7, 15, 23, 31: waits of 1, 2, 4, 8, 8, 8 s
            assertThat(secondsAfterEachRead).containsExactly(1L, 3L, 7L, 15L, 23L, 31L);
        }
    }

    @Test
    void aShortReadTimeoutIsHonouredWhileWaitingForTheNextAttempt(@TempDir Path dir) {
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        try (SerialByteLink link = new SerialByteLink(SerialSettings.of(dir.resolve("ttyUSB0").toString(), 9600),
                clock, new ReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10)))) {
            link.open();
            link.read(new byte[8], Duration.ofMillis(300));
            assertThat(clock.instant()).isEqualTo(T0.plusMillis(300));
        }
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        ReconnectBackoff b = ReconnectBackoff.standard();
        assertThat(b.after(Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.after(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(10));
    }
}
