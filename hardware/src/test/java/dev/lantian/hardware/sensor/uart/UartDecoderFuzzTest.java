package dev.lantian.hardware.sensor.uart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.pms.PmsFrame;
import dev.lantian.hardware.sensor.pms.PmsFrameDecoder;
import dev.lantian.hardware.sensor.pms.PmsSensor;
import dev.lantian.hardware.sensor.pms.PmsSettings;
import dev.lantian.hardware.sensor.sds.SdsFrame;
import dev.lantian.hardware.sensor.sds.SdsFrameDecoder;
import dev.lantian.hardware.sensor.sds.SdsSensor;
import dev.lantian.hardware.sensor.sds.SdsSettings;
import dev.lantian.hardware.serial.MemoryByteLink;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over 100,000 hostile frames per driver (bit-flipped, truncated, random bodies behind a real
 * header, raw garbage) mixed with valid ones and cut into random read sizes: nothing throws, every
 * decoded frame passes the checksum as this test computes it, and every intact frame is decoded.
 */
class UartDecoderFuzzTest {
    private static final int SEGMENTS = 300_000;

    static byte[] pmsFrame(Random rnd) {
        byte[] f = new byte[32];
        f[0] = 0x42;
        f[1] = 0x4D;
        f[3] = 28;
        for (int i = 4; i < 30; i++) {
            f[i] = (byte) rnd.nextInt(256);
        }
        int sum = 0;
        for (int i = 0; i < 30; i++) {
            sum += f[i] & 0xFF;
        }
        f[30] = (byte) (sum >> 8);
        f[31] = (byte) sum;
        return f;
    }

    static boolean pmsChecksumOk(byte[] f) {
        int sum = 0;
        for (int i = 0; i < 30; i++) {
            sum += f[i] & 0xFF;
        }
        return f.length == 32 && f[0] == 0x42 && f[1] == 0x4D && f[2] == 0 && f[3] == 28
                && (sum & 0xFFFF) == (((f[30] & 0xFF) << 8) | (f[31] & 0xFF));
    }

    static byte[] sdsFrame(Random rnd) {
        byte[] f = new byte[10];
        f[0] = (byte) 0xAA;
        f[1] = (byte) 0xC0;
        int sum = 0;
        for (int i = 2; i < 8; i++) {
            f[i] = (byte) rnd.nextInt(256);
            sum += f[i] & 0xFF;
        }
        f[8] = (byte) sum;
        f[9] = (byte) 0xAB;
        return f;
    }

    static boolean sdsChecksumOk(byte[] f) {
        int sum = 0;
        for (int i = 2; i < 8; i++) {
            sum += f[i] & 0xFF;
        }
        return f.length == 10 && (f[0] & 0xFF) == 0xAA && (f[1] & 0xFF) == 0xC0 && (f[9] & 0xFF) == 0xAB
                && (sum & 0xFF) == (f[8] & 0xFF);
    }

    @Test
    void pmsDecoderSurvivesHostileStreams() {
        FuzzStream s = FuzzStream.generate(5003, SEGMENTS, 100, UartDecoderFuzzTest::pmsFrame,
                new byte[] {0x42, 0x4D, 0, 28}, 32, UartDecoderFuzzTest::pmsChecksumOk);
        PmsFrameDecoder decoder = new PmsFrameDecoder();
        List<byte[]> decoded = new ArrayList<>();
        for (int[] c : s.chunks) {
            decoder.feed(s.bytes, c[0], c[1], f -> decoded.add(f.raw()));
        }
        assertThat(s.hostile).isGreaterThanOrEqualTo(100_000);
        assertThat(decoded).allMatch(UartDecoderFuzzTest::pmsChecksumOk);
        assertThat(FuzzStream.isSubsequence(s.valid, decoded)).as("every intact frame decoded in order").isTrue();
        assertThat(decoder.counters().frames()).isEqualTo(decoded.size());
        assertThat(decoder.counters().badChecksums()).isGreaterThan(s.hostile / 4);
    }

    @Test
    void sdsDecoderSurvivesHostileStreams() {
        FuzzStream s = FuzzStream.generate(11, SEGMENTS, 40, UartDecoderFuzzTest::sdsFrame,
                new byte[] {(byte) 0xAA, (byte) 0xC0}, 10, UartDecoderFuzzTest::sdsChecksumOk);
        SdsFrameDecoder decoder = new SdsFrameDecoder();
        List<byte[]> decoded = new ArrayList<>();
        for (int[] c : s.chunks) {
            decoder.feed(s.bytes, c[0], c[1], f -> decoded.add(f.raw()));
        }
        assertThat(s.hostile).isGreaterThanOrEqualTo(100_000);
        assertThat(decoded).allMatch(UartDecoderFuzzTest::sdsChecksumOk);
        assertThat(FuzzStream.isSubsequence(s.valid, decoded)).as("every intact frame decoded in order").isTrue();
        assertThat(decoder.counters().badChecksums()).isGreaterThan(s.hostile / 4);
    }

    @Test
    void pmsDriverNeverThrowsAndOnlyReportsValuesFromValidFrames() {
        FuzzStream s = FuzzStream.generate(7003, 120_000, 100, UartDecoderFuzzTest::pmsFrame,
                new byte[] {0x42, 0x4D, 0, 28}, 32, UartDecoderFuzzTest::pmsChecksumOk);
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        MemoryByteLink link = new MemoryByteLink(clock);
        for (int[] c : s.chunks) {
            link.feed(Arrays.copyOfRange(s.bytes, c[0], c[0] + c[1]));
        }
        PmsSensor sensor = new PmsSensor("pms", link, PmsSettings.defaults().withWarmup(Duration.ZERO), clock);
        int values = drain(sensor, UartDecoderFuzzTest::pmsChecksumOk);
        assertThat((long) values).as("every decoded frame became one reading set").isEqualTo(
                sensor.counters().decoder().frames());
        assertThat(values).isGreaterThanOrEqualTo(s.valid.size());
    }

    @Test
    void sdsDriverNeverThrowsAndOnlyReportsValuesFromValidFrames() {
        FuzzStream s = FuzzStream.generate(1011, 120_000, 40, UartDecoderFuzzTest::sdsFrame,
                new byte[] {(byte) 0xAA, (byte) 0xC0}, 10, UartDecoderFuzzTest::sdsChecksumOk);
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        MemoryByteLink link = new MemoryByteLink(clock);
        for (int[] c : s.chunks) {
            link.feed(Arrays.copyOfRange(s.bytes, c[0], c[0] + c[1]));
        }
        SdsSensor sensor = new SdsSensor("sds", link, SdsSettings.defaults().withWarmup(Duration.ZERO), clock);
        int values = drain(sensor, UartDecoderFuzzTest::sdsChecksumOk);
        assertThat(values).isGreaterThanOrEqualTo(s.valid.size());
    }

    /** Reads until the link is drained (a silent set); checks the frame behind every value; counts values. */
    private static int drain(UartSensor sensor, java.util.function.Predicate<byte[]> checksumOk) {
        int values = 0;
        while (true) {
            ReadingSet set = sensor.read();
            if (set.flag() == QualityFlag.B) {
                assertThat(set.readings()).isEmpty();
                return values;
            }
            assertThat(checksumOk.test(sensor.lastFrame())).as("frame behind a value").isTrue();
            assertThat(set.readings()).allMatch(r -> !Double.isNaN(r.value()));
            values++;
        }
    }
}
