package dev.lantian.hardware.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DryContactTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private boolean level;
    private boolean broken;
    private final DigitalInput input = () -> {
        if (broken) {
            throw new IOException("gpiochip0 gone");
        }
        return level;
    };
    private final DryContact contact = new DryContact("fan-relay", input, clock, true, Duration.ofMillis(50));

    private double sampleAfter(long millis) {
        clock.advance(Duration.ofMillis(millis));
        return contact.read().field("state").orElseThrow().value();
    }

    @Test
    void activeLowMeansALowLineIsRunning() {
        level = false;
        assertThat(sampleAfter(0)).isEqualTo(1);
        DryContact activeHigh = new DryContact("x", input, clock, false, Duration.ZERO);
        assertThat(activeHigh.read().field("state").orElseThrow().value()).isEqualTo(0);
    }

    @Test
    void bouncesShorterThanTheDebounceTimeDoNotChangeTheState() {
        level = true; // not running
        assertThat(sampleAfter(0)).isEqualTo(0);
        // Contact chatter: low for 10 ms, high for 10 ms, ... sampled every 5 ms for 200 ms.
        for (int t = 0; t < 200; t += 5) {
            level = (t / 10) % 2 == 1;
            assertThat(sampleAfter(5)).as("t=%d ms", t).isEqualTo(0);
        }
    }

    @Test
    void aLevelHeldForTheDebounceTimeIsAccepted() {
        level = true;
        sampleAfter(0);
        level = false;
        assertThat(sampleAfter(10)).isEqualTo(0);
        assertThat(sampleAfter(30)).isEqualTo(0); // 30 ms into the new level
        assertThat(sampleAfter(20)).isEqualTo(1); // 50 ms: accepted
        level = true;
        assertThat(sampleAfter(1)).isEqualTo(1);  // first seen here
        assertThat(sampleAfter(49)).isEqualTo(1); // 49 ms
        assertThat(sampleAfter(1)).isEqualTo(0);  // 50 ms
    }

    @Test
    void aClockStepBackDoesNotShortenTheDebounce() {
        level = true;
        sampleAfter(0);
        level = false;
        sampleAfter(10);
        clock.set(clock.instant().minusSeconds(3600));
        assertThat(sampleAfter(10)).isEqualTo(0);
        assertThat(sampleAfter(40)).isEqualTo(0);
        assertThat(sampleAfter(10)).isEqualTo(1);
    }

    @Test
    void aFailedReadIsCommunicationFaultAndRestartsTheDebounce() {
        level = true;
        sampleAfter(0);
        level = false;
        sampleAfter(40);
        broken = true;
        clock.advance(Duration.ofMillis(5));
        var set = contact.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(set.field("state").orElseThrow().value()).isNaN();
        broken = false;
        assertThat(sampleAfter(10)).isEqualTo(0);
        assertThat(sampleAfter(50)).isEqualTo(1);
    }
}
