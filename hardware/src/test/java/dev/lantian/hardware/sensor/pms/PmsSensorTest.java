package dev.lantian.hardware.sensor.pms;

import static org.assertj.core.api.Assertions.assertThat;

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

class PmsSensorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    private final MemoryByteLink link = new MemoryByteLink(clock, "/dev/serial0");

    private PmsSensor sensor(PmsSettings settings) {
        return new PmsSensor("pms-boundary", link, settings, clock);
    }

    private static double value(ReadingSet set, String field) {
        return set.field(field).map(Reading::value).orElseThrow();
    }

    @Test
    void namesEveryFieldAsFieldsMdDoes() {
        PmsSensor pms = sensor(PmsSettings.defaults().withWarmup(Duration.ZERO));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        ReadingSet set = pms.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.device()).isEqualTo("pms-boundary");
        assertThat(set.readings()).extracting(Reading::field).containsExactly("pm1_0_cf1", "pm2_5_cf1", "pm10_cf1",
                "pm1_0", "pm2_5", "pm10", "n0_3", "n0_5", "n1_0", "n2_5", "n5_0", "n10");
        assertThat(set.readings()).extracting(Reading::value)
                .containsExactly(18.0, 27.0, 31.0, 15.0, 24.0, 30.0, 3120.0, 910.0, 161.0, 12.0, 3.0, 1.0);
        assertThat(set.readings()).allMatch(r -> r.flag() == QualityFlag.N);
        assertThat(pms.lastFrame()).isEqualTo(PmsFrameDecoderTest.GOLDEN);
    }

    @Test
    void flagsMassAboveTheEffectiveRangeButNotParticleCounts() {
        PmsSensor pms = sensor(PmsSettings.defaults().withWarmup(Duration.ZERO));
        link.feed(PmsFrameDecoderTest.HIGH);
        ReadingSet set = pms.read();
        assertThat(set.field("pm1_0").orElseThrow().flag()).isEqualTo(QualityFlag.T); // 520
        assertThat(set.field("pm2_5").orElseThrow().flag()).isEqualTo(QualityFlag.T); // 1010
        assertThat(set.field("pm2_5_cf1").orElseThrow().flag()).isEqualTo(QualityFlag.T); // 1200
        assertThat(set.field("n0_3").orElseThrow().flag()).isEqualTo(QualityFlag.N); // 60000 particles
        assertThat(value(set, "pm2_5")).isEqualTo(1010);
    }

    @Test
    void rangeLimitIsConfigurable() {
        PmsSensor pms = sensor(PmsSettings.defaults().withWarmup(Duration.ZERO).withRangeLimit(1000));
        link.feed(PmsFrameDecoderTest.HIGH);
        ReadingSet set = pms.read();
        assertThat(set.field("pm1_0").orElseThrow().flag()).isEqualTo(QualityFlag.N);
        assertThat(set.field("pm2_5").orElseThrow().flag()).isEqualTo(QualityFlag.T);
    }

    @Test
    void warmupReadingsAreFlaggedFUntilThirtySecondsOnTheInjectedClock() {
        PmsSensor pms = sensor(PmsSettings.defaults());
        link.feed(PmsFrameDecoderTest.GOLDEN);
        ReadingSet early = pms.read();
        assertThat(early.flag()).isEqualTo(QualityFlag.F);
        assertThat(early.readings()).allMatch(r -> r.flag() == QualityFlag.F);
        assertThat(value(early, "pm2_5")).isEqualTo(24);

        clock.advance(Duration.ofSeconds(29));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.F);

        clock.advance(Duration.ofSeconds(1));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void silenceIsACommunicationFaultAfterExactlyTheFrameTimeout() {
        PmsSensor pms = sensor(PmsSettings.defaults().withFrameTimeout(Duration.ofSeconds(5)));
        ReadingSet set = pms.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(set.readings()).isEmpty();
        assertThat(set.detail()).contains("no valid frame");
        assertThat(set.time()).isEqualTo(T0.plusSeconds(5));
        assertThat(pms.counters().silentReads()).isEqualTo(1);
    }

    @Test
    void garbageOnlyIsSilenceAndCounted() {
        PmsSensor pms = sensor(PmsSettings.defaults());
        byte[] bad = PmsFrameDecoderTest.GOLDEN.clone();
        bad[20] ^= 0x40;
        link.feed(new byte[] {1, 2, 3}, bad);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.B);
        assertThat(pms.counters().decoder().badChecksums()).isEqualTo(1);
        assertThat(pms.counters().decoder().skippedBytes()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void twoFramesInOneReadGiveTwoReadingSets() {
        PmsSensor pms = sensor(PmsSettings.defaults().withWarmup(Duration.ZERO));
        byte[] two = Arrays.copyOf(PmsFrameDecoderTest.GOLDEN, 64);
        System.arraycopy(PmsFrameDecoderTest.HIGH, 0, two, 32, 32);
        link.feed(two);
        assertThat(value(pms.read(), "pm2_5")).isEqualTo(24);
        assertThat(value(pms.read(), "pm2_5")).isEqualTo(1010);
    }

    @Test
    void passiveModeAsksForEachFrame() {
        link.respond(w -> Arrays.equals(w, PmsCommands.readPassive()) ? List.of(PmsFrameDecoderTest.GOLDEN) : List.of());
        PmsSensor pms = sensor(PmsSettings.defaults().withMode(PmsSettings.Mode.PASSIVE).withWarmup(Duration.ZERO));
        assertThat(value(pms.read(), "pm10")).isEqualTo(30);
        assertThat(value(pms.read(), "pm10")).isEqualTo(30);
        assertThat(link.written()).extracting(Hex::of).containsExactly(Hex.of(PmsCommands.passiveMode()),
                Hex.of(PmsCommands.readPassive()), Hex.of(PmsCommands.readPassive()));
    }

    @Test
    void sleepStopsReadingAndWakeRestartsTheWarmup() {
        PmsSensor pms = sensor(PmsSettings.defaults());
        clock.advance(Duration.ofMinutes(5));
        pms.sleep();
        ReadingSet asleep = pms.read();
        assertThat(asleep.flag()).isEqualTo(QualityFlag.F);
        assertThat(asleep.time()).as("no waiting while asleep").isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(asleep.readings()).hasSize(12).allMatch(r -> Double.isNaN(r.value()));

        pms.wake();
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.F);
        clock.advance(Duration.ofSeconds(30));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.N);
        assertThat(link.written()).extracting(Hex::of).contains(Hex.of(PmsCommands.sleep()), Hex.of(PmsCommands.wake()));
    }

    @Test
    void unplugGivesBAndReplugResumesWithTheSameDriverReconfiguredAndWarmingUp() {
        PmsSensor pms = sensor(PmsSettings.defaults().withWarmup(Duration.ofSeconds(30)));
        clock.advance(Duration.ofMinutes(1));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.N);

        link.unplug();
        ReadingSet lost = pms.read();
        assertThat(lost.flag()).isEqualTo(QualityFlag.B);
        assertThat(lost.detail()).contains("link lost");
        assertThat(pms.counters().linkLosses()).isEqualTo(1);

        link.replug();
        link.feed(PmsFrameDecoderTest.GOLDEN);
        ReadingSet back = pms.read();
        assertThat(value(back, "pm2_5")).isEqualTo(24);
        assertThat(back.flag()).as("a replugged adapter power-cycles the sensor").isEqualTo(QualityFlag.F);
        assertThat(link.written()).extracting(Hex::of).containsExactly(Hex.of(PmsCommands.activeMode()),
                Hex.of(PmsCommands.activeMode()));
        clock.advance(Duration.ofSeconds(30));
        link.feed(PmsFrameDecoderTest.GOLDEN);
        assertThat(pms.read().flag()).isEqualTo(QualityFlag.N);
    }
}
