package dev.lantian.hardware.serial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.time.BoardClock;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jSerialComm link on real ptys made by socat: symlinked paths, both directions, loss and return. */
public class SerialByteLinkPtyTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private final BoardClock clock = BoardClock.system(ZoneOffset.UTC);
    private final ReconnectBackoff fast = new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100));

    @BeforeEach
    void needsSocat() {
        Socat.assumeAvailable();
    }

    public static byte[] readAtLeast(ByteLink link, int n, Duration limit) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        long deadline = System.nanoTime() + limit.toNanos();
        while (got.size() < n && System.nanoTime() < deadline) {
            int r = link.read(buf, Duration.ofMillis(200));
            if (r > 0) {
                got.write(buf, 0, r);
            }
        }
        return got.toByteArray();
    }

    @Test
    void carriesBytesBothWaysThroughSymlinkedPtys() throws Exception {
        try (PtyPair pair = PtyPair.start();
                SerialByteLink sensorSide = new SerialByteLink(SerialSettings.of(pair.a().toString(), 9600), clock, fast);
                SerialByteLink deviceSide = new SerialByteLink(SerialSettings.of(pair.b().toString(), 9600), clock, fast)) {
            assertThat(sensorSide.open()).isTrue();
            assertThat(deviceSide.open()).isTrue();
            assertThat(deviceSide.write(Hex.parse("424d0102"))).isTrue();
            assertThat(readAtLeast(sensorSide, 4, WAIT)).isEqualTo(Hex.parse("424d0102"));
            assertThat(sensorSide.write(Hex.parse("aab4"))).isTrue();
            assertThat(readAtLeast(deviceSide, 2, WAIT)).isEqualTo(Hex.parse("aab4"));
        }
    }

    @Test
    void opensAPtyByItsDevPtsPathToo() throws Exception {
        try (PtyPair pair = PtyPair.start();
                SerialByteLink sensorSide = new SerialByteLink(
                        SerialSettings.of(java.nio.file.Files.readSymbolicLink(pair.a()).toString(), 9600), clock, fast);
                SerialByteLink deviceSide = new SerialByteLink(SerialSettings.of(pair.b().toString(), 9600), clock, fast)) {
            assertThat(sensorSide.name()).startsWith("/dev/pts/");
            assertThat(sensorSide.open()).isTrue();
            assertThat(deviceSide.open()).isTrue();
            deviceSide.write(Hex.parse("aac0"));
            assertThat(readAtLeast(sensorSide, 2, WAIT)).isEqualTo(Hex.parse("aac0"));
        }
    }

    @Test
    void appliesParityAndStopBitsFromSettings() throws Exception {
        try (PtyPair pair = PtyPair.start();
                SerialByteLink link = new SerialByteLink(SerialSettings.of(pair.a().toString(), 2400)
                        .withParity(SerialSettings.Parity.EVEN).withStopBits(1), clock, fast)) {
            assertThat(link.open()).isTrue();
            assertThat(link.settings().describe()).endsWith("2400 8E1");
        }
    }

    @Test
    void aMissingPortFailsToOpenWithAClearReason(@TempDir Path dir) {
        try (SerialByteLink link = new SerialByteLink(SerialSettings.of(dir.resolve("ttyUSB9").toString(), 9600),
                clock, fast)) {
            assertThat(link.open()).isFalse();
            assertThat(link.lastError()).contains("no such device").contains("ttyUSB9");
            assertThat(link.read(new byte[8], Duration.ofMillis(50))).isEqualTo(ByteLink.LOST);
            assertThat(link.write(new byte[] {1})).isFalse();
        }
    }

    @Test
    void reportsLossWhenTheDeviceVanishesAndReopensWhenItReturns(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("ttyPMS");
        Path b = dir.resolve("device");
        try (SerialByteLink link = new SerialByteLink(SerialSettings.of(a.toString(), 9600), clock, fast)) {
            try (PtyPair pair = PtyPair.start(a, b)) {
                assertThat(link.open()).isTrue();
            }
            byte[] buf = new byte[16];
            int r = link.read(buf, WAIT);
            assertThat(r).isEqualTo(ByteLink.LOST);
            assertThat(link.isOpen()).isFalse();
            assertThat(link.losses()).isEqualTo(1);

            try (PtyPair again = PtyPair.start(a, b);
                    SerialByteLink device = new SerialByteLink(SerialSettings.of(b.toString(), 9600), clock, fast)) {
                assertThat(device.open()).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!link.isOpen() && System.nanoTime() < deadline) {
                    link.read(buf, Duration.ofMillis(100));
                }
                assertThat(link.isOpen()).isTrue();
                assertThat(link.opens()).isEqualTo(2);
                device.write(Hex.parse("aac0"));
                assertThat(readAtLeast(link, 2, WAIT)).isEqualTo(Hex.parse("aac0"));
            }
        }
    }
}
