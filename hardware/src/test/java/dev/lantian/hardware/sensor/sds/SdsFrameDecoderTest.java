package dev.lantian.hardware.sensor.sds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.serial.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames and commands from Nova Fitness "Laser Dust Sensor Control Protocol V1.3" (2015-07-20):
 * section 1 (19-byte command packet, checksum = low 8 bits of the data bytes' sum), section 3.2
 * "Query data command" (the example reply of the sensor with ID A160), sections 3.1, 3.4, 3.5; and
 * the SDS011 datasheet V1.3 "Communication protocol" (10-byte frame, checksum = data 1 + ... + data 6).
 */
class SdsFrameDecoderTest {
    /** Protocol V1.3 section 3.2 example: sensor A160 reports PM2.5 123.6, PM10 261.8. */
    static final byte[] DOC_EXAMPLE = Hex.parse("aac0 d404 3a0a a160 1d ab");
    /** A captured frame quoted on forum.espruino.com (comments/14790802): PM2.5 130.7, PM10 217.3. */
    static final byte[] CAPTURED = Hex.parse("aac0 1b05 7d08 9ceb 2c ab");
    /** A captured frame quoted on community.particle.io (dust sensor thread, page 4): 14.0 / 14.8. */
    static final byte[] CAPTURED_LOW = Hex.parse("aac0 8c00 9400 bcf9 d5 ab");
    /** Reply to "set sleep" (section 3.4): command C5, data 06 01 00. */
    static final byte[] SLEEP_REPLY = Hex.parse("aac5 0601 0000 a160 08 ab");

    private final SdsFrameDecoder decoder = new SdsFrameDecoder();
    private final List<SdsFrame> frames = new ArrayList<>();

    private void feed(byte[]... chunks) {
        for (byte[] c : chunks) {
            decoder.feed(c, 0, c.length, frames::add);
        }
    }

    @Test
    void decodesTheProtocolDocumentsExample() {
        feed(DOC_EXAMPLE);
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.pm2_5()).isEqualTo(123.6);
            assertThat(f.pm10()).isEqualTo(261.8);
            assertThat(f.deviceId()).isEqualTo(0xA160);
            assertThat(f.checksum()).isEqualTo(0x1D);
        });
    }

    @Test
    void decodesCapturedFrames() {
        feed(CAPTURED, CAPTURED_LOW);
        assertThat(frames).extracting(SdsFrame::pm2_5).containsExactly(130.7, 14.0);
        assertThat(frames).extracting(SdsFrame::pm10).containsExactly(217.3, 14.8);
    }

    @Test
    void commandsMatchTheProtocolDocument() {
        assertThat(Hex.of(SdsCommands.query())).isEqualTo("aab404" + "00".repeat(12) + "ffff02ab");
        assertThat(Hex.of(SdsCommands.reportingMode(true))).isEqualTo("aab4020101" + "00".repeat(10) + "ffff02ab");
        assertThat(Hex.of(SdsCommands.reportingMode(false))).isEqualTo("aab4020100" + "00".repeat(10) + "ffff01ab");
        assertThat(Hex.of(SdsCommands.sleep())).isEqualTo("aab4060100" + "00".repeat(10) + "ffff05ab");
        assertThat(Hex.of(SdsCommands.work())).isEqualTo("aab4060101" + "00".repeat(10) + "ffff06ab");
        assertThat(Hex.of(SdsCommands.workingPeriod(1))).isEqualTo("aab4080101" + "00".repeat(10) + "ffff08ab");
        assertThat(SdsCommands.query()).hasSize(19);
    }

    @Test
    void resynchronisesAfterGarbageIncludingFalseStarts() {
        feed(Hex.parse("00 ab aa aac0 aac0 0102 ab aa"), DOC_EXAMPLE);
        assertThat(frames).containsExactly(new SdsFrame(DOC_EXAMPLE));
    }

    @Test
    void joinsAFrameSplitAtEveryPossiblePoint() {
        for (int cut = 1; cut < DOC_EXAMPLE.length; cut++) {
            SdsFrameDecoder d = new SdsFrameDecoder();
            List<SdsFrame> got = new ArrayList<>();
            d.feed(DOC_EXAMPLE, 0, cut, got::add);
            assertThat(got).as("cut %d, first part", cut).isEmpty();
            d.feed(DOC_EXAMPLE, cut, DOC_EXAMPLE.length - cut, got::add);
            assertThat(got).as("cut %d", cut).containsExactly(new SdsFrame(DOC_EXAMPLE));
        }
    }

    @Test
    void yieldsBothFramesOfOneRead() {
        byte[] two = new byte[20];
        System.arraycopy(DOC_EXAMPLE, 0, two, 0, 10);
        System.arraycopy(CAPTURED, 0, two, 10, 10);
        feed(two);
        assertThat(frames).containsExactly(new SdsFrame(DOC_EXAMPLE), new SdsFrame(CAPTURED));
    }

    @Test
    void dropsAndCountsABadChecksumThenFindsTheNextFrame() {
        byte[] bad = DOC_EXAMPLE.clone();
        bad[3] ^= 0x10;
        feed(bad, CAPTURED);
        assertThat(frames).containsExactly(new SdsFrame(CAPTURED));
        assertThat(decoder.counters().badChecksums()).isEqualTo(1);
    }

    @Test
    void countsCommandRepliesWithoutDecodingThemAsData() {
        feed(SLEEP_REPLY, DOC_EXAMPLE);
        assertThat(frames).containsExactly(new SdsFrame(DOC_EXAMPLE));
        assertThat(decoder.counters().replies()).isEqualTo(1);
    }

    @Test
    void findsAFrameThatStartsInsideATruncatedOne() {
        feed(Arrays.copyOf(CAPTURED, 6), DOC_EXAMPLE);
        assertThat(frames).containsExactly(new SdsFrame(DOC_EXAMPLE));
    }
}
