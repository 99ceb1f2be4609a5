package dev.lantian.hardware.sensor.sds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.serial.Hex;
import dev.lantian.hardware.serial.MemoryByteLink;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdsSensorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    private final MemoryByteLink link = new MemoryByteLink(clock, "/dev/ttyUSB2");

    private SdsSensor sensor(SdsSettings settings) {
        return new SdsSensor("sds-gate", link, settings, clock);
    }

    private static Reading reading(ReadingSet set, String field) {
        return set.field(field).orElseThrow();
    }

    @Test
    void decodesTheProtocolExampleIntoFieldsMdNames() {
        SdsSensor sds = sensor(SdsSettings.defaults().withWarmup(Duration.ZERO));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        ReadingSet set = sds.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.readings()).extracting(Reading::field).containsExactly("pm2_5", "pm10");
        assertThat(reading(set, "pm2_5").value()).isEqualTo(123.6);
        assertThat(reading(set, "pm10").value()).isEqualTo(261.8);
    }

    @Test
    void flagsValuesAboveTheDatasheetRange() {
        SdsSensor sds = sensor(SdsSettings.defaults().withWarmup(Duration.ZERO));
        // PM2.5 999.9 (0x270F) is in range, PM10 1000.0 (0x2710) is not.
        byte[] f = Hex.parse("aac0 0f27 1027 0000 00 ab");
        f[8] = (byte) (0x0f + 0x27 + 0x10 + 0x27);
        link.feed(f);
        ReadingSet set = sds.read();
        assertThat(reading(set, "pm2_5").flag()).isEqualTo(QualityFlag.N);
        assertThat(reading(set, "pm10").flag()).isEqualTo(QualityFlag.T);
        assertThat(reading(set, "pm10").value()).isEqualTo(1000.0);
    }

    @Test
    void warmupIsThirtySecondsByDefaultOnTheInjectedClock() {
        SdsSensor sds = sensor(SdsSettings.defaults());
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        ReadingSet early = sds.read();
        assertThat(early.flag()).isEqualTo(QualityFlag.F);
        assertThat(early.readings()).allMatch(r -> r.flag() == QualityFlag.F);
        clock.advance(Duration.ofSeconds(30));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void queryModeSendsTheDocumentedQueryForEveryReading() {
        link.respond(w -> Arrays.equals(w, SdsCommands.query()) ? List.of(SdsFrameDecoderTest.CAPTURED) : List.of());
        SdsSensor sds = sensor(SdsSettings.defaults().withMode(SdsSettings.Mode.QUERY).withWarmup(Duration.ZERO));
        assertThat(reading(sds.read(), "pm2_5").value()).isEqualTo(130.7);
        assertThat(reading(sds.read(), "pm10").value()).isEqualTo(217.3);
        assertThat(link.written()).extracting(Hex::of).containsExactly(Hex.of(SdsCommands.reportingMode(true)),
                Hex.of(SdsCommands.query()), Hex.of(SdsCommands.query()));
    }

    @Test
    void silenceIsB() {
        SdsSensor sds = sensor(SdsSettings.defaults());
        ReadingSet set = sds.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(set.time()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void dutyCycleSleepsWakesAndExcludesWarmup() {
        SdsSensor sds = sensor(SdsSettings.defaults().withDutyCycle(Duration.ofMinutes(1), Duration.ofMinutes(4)));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).as("warming up after power-on").isEqualTo(QualityFlag.F);

        clock.set(T0.plusSeconds(45));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).as("working, warmed up").isEqualTo(QualityFlag.N);

        clock.set(T0.plusSeconds(61));
        ReadingSet asleep = sds.read();
        assertThat(asleep.flag()).isEqualTo(QualityFlag.F);
        assertThat(asleep.detail()).contains("duty cycle");
        assertThat(asleep.time()).as("asleep costs no waiting").isEqualTo(T0.plusSeconds(61));
        assertThat(Hex.of(link.written().get(link.written().size() - 1))).isEqualTo(Hex.of(SdsCommands.sleep()));

        clock.set(T0.plusSeconds(300));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).as("woken at the next cycle, warming up").isEqualTo(QualityFlag.F);
        assertThat(link.written()).extracting(Hex::of).contains(Hex.of(SdsCommands.work()));

        clock.set(T0.plusSeconds(331));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void aDutyCycleShorterThanTheWarmupIsRejected() {
        assertThatThrownBy(() -> SdsSettings.defaults().withDutyCycle(Duration.ofSeconds(20), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
    }

    @Test
    void unplugGivesBAndReplugResumes() {
        SdsSensor sds = sensor(SdsSettings.defaults().withWarmup(Duration.ZERO));
        link.feed(SdsFrameDecoderTest.DOC_EXAMPLE);
        assertThat(sds.read().flag()).isEqualTo(QualityFlag.N);
        link.unplug();
        assertThat(sds.read().flag()).isEqualTo(QualityFlag.B);
        link.replug();
        link.feed(SdsFrameDecoderTest.CAPTURED_LOW);
        assertThat(reading(sds.read(), "pm2_5").value()).isEqualTo(14.0);
        assertThat(sds.counters().linkLosses()).isEqualTo(1);
    }
}
