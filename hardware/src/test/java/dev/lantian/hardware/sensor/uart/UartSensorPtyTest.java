package dev.lantian.hardware.sensor.uart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.pms.PmsSensor;
import dev.lantian.hardware.sensor.pms.PmsSettings;
import dev.lantian.hardware.sensor.sds.SdsSensor;
import dev.lantian.hardware.sensor.sds.SdsSettings;
import dev.lantian.hardware.serial.Hex;
import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.serial.SerialSettings;
import dev.lantian.hardware.serial.Socat;
import dev.lantian.hardware.time.BoardClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over real ptys made by socat: a "device" writes frames into one end, the driver reads
 * the other through jSerialComm. Real IO needs the real clock; every wait is bounded.
 */
class UartSensorPtyTest {
    static final byte[] PMS = Hex.parse("424d001c 0012 001b 001f 000f 0018 001e 0c30 038e 00a1 000c 0003 0001 9700 0351");
    static final byte[] SDS = Hex.parse("aac0 d404 3a0a a160 1d ab");
    private static final int ATTEMPTS = 10;

    private final BoardClock clock = BoardClock.system(ZoneOffset.UTC);
    private final ReconnectBackoff fast = new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100));

    @BeforeEach
    void needsSocat() {
        Socat.assumeAvailable();
    }

    private SerialByteLink link(Path path) {
        return new SerialByteLink(SerialSettings.of(path.toString(), 9600), clock, fast);
    }

    /** Writes a frame and reads, until the driver yields a non-silent set (a pty may drop bytes sent before open). */
    private static ReadingSet feedUntilRead(UartSensor sensor, SerialByteLink device, byte[] frame) {
        ReadingSet set = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            device.write(frame);
            set = sensor.read();
            if (set.flag() != QualityFlag.B) {
                return set;
            }
        }
        return set;
    }

    private static double value(ReadingSet set, String field) {
        return set.field(field).map(Reading::value).orElseThrow();
    }

    @Test
    void pms5003FramesArriveThroughJSerialComm() throws Exception {
        try (PtyPair pair = PtyPair.start();
                SerialByteLink device = link(pair.b());
                PmsSensor pms = new PmsSensor("pms", link(pair.a()),
                        PmsSettings.defaults().withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofSeconds(2)), clock)) {
            assertThat(device.open()).isTrue();
            ReadingSet set = feedUntilRead(pms, device, PMS);
            assertThat(set.flag()).isEqualTo(QualityFlag.N);
            assertThat(value(set, "pm2_5")).isEqualTo(24);
            assertThat(value(set, "pm10")).isEqualTo(30);
            assertThat(value(set, "n0_3")).isEqualTo(3120);
        }
    }

    @Test
    void sds011QueryModeWorksBothWaysThroughJSerialComm() throws Exception {
        try (PtyPair pair = PtyPair.start();
                SerialByteLink device = link(pair.b());
                SdsSensor sds = new SdsSensor("sds", link(pair.a()), SdsSettings.defaults()
                        .withMode(SdsSettings.Mode.QUERY).withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofSeconds(2)),
                        clock)) {
            assertThat(device.open()).isTrue();
            ReadingSet set = feedUntilRead(sds, device, SDS);
            assertThat(value(set, "pm2_5")).isEqualTo(123.6);
            assertThat(value(set, "pm10")).isEqualTo(261.8);
            // The driver's commands reached the device end: reporting mode "query", then a query.
            byte[] got = dev.lantian.hardware.serial.SerialByteLinkPtyTest.readAtLeast(device, 38, Duration.ofSeconds(2));
            assertThat(Hex.of(got)).contains("aab4020101").contains("aab404");
        }
    }

    @Test
    void unplugGivesBAndReplugOnTheSamePathResumesWithoutANewDriver(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("ttyUSB-pms");
        Path b = dir.resolve("device");
        SerialByteLink sensorLink = link(a);
        PmsSensor pms = new PmsSensor("pms", sensorLink,
                PmsSettings.defaults().withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofSeconds(1)), clock);
        try (pms) {
            try (PtyPair pair = PtyPair.start(a, b); SerialByteLink device = link(b)) {
                assertThat(device.open()).isTrue();
                assertThat(feedUntilRead(pms, device, PMS).flag()).isEqualTo(QualityFlag.N);
            }
            ReadingSet lost = pms.read();
            assertThat(lost.flag()).isEqualTo(QualityFlag.B);
            assertThat(sensorLink.isOpen()).isFalse();
            assertThat(pms.counters().linkLosses()).isEqualTo(1);
            assertThat(pms.read().flag()).as("still gone").isEqualTo(QualityFlag.B);

            try (PtyPair again = PtyPair.start(a, b); SerialByteLink device = link(b)) {
                assertThat(device.open()).isTrue();
                ReadingSet back = feedUntilRead(pms, device, PMS);
                assertThat(back.flag()).isEqualTo(QualityFlag.N);
                assertThat(value(back, "pm2_5")).isEqualTo(24);
                assertThat(sensorLink.isOpen()).isTrue();
                assertThat(sensorLink.opens()).isEqualTo(2);
            }
        }
    }

    @Test
    void sds011SurvivesUnplugAndReplug(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("ttyUSB-sds");
        Path b = dir.resolve("device");
        try (SdsSensor sds = new SdsSensor("sds", link(a),
                SdsSettings.defaults().withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofSeconds(1)), clock)) {
            try (PtyPair pair = PtyPair.start(a, b); SerialByteLink device = link(b)) {
                assertThat(device.open()).isTrue();
                assertThat(feedUntilRead(sds, device, SDS).flag()).isEqualTo(QualityFlag.N);
            }
            assertThat(sds.read().flag()).isEqualTo(QualityFlag.B);
            try (PtyPair again = PtyPair.start(a, b); SerialByteLink device = link(b)) {
                assertThat(device.open()).isTrue();
                assertThat(value(feedUntilRead(sds, device, SDS), "pm10")).isEqualTo(261.8);
            }
        }
    }
}
