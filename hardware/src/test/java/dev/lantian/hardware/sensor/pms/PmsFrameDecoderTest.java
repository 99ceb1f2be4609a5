package dev.lantian.hardware.sensor.pms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.serial.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden frames follow the Plantower PMS5003 data manual V2.3 (2016-06-01), appendix I "Transport
 * protocol - active mode": 42 4D, frame length 2x13+2 = 28, data 1-13 big-endian, check code = sum of
 * the 30 bytes before it. Command bytes follow appendix II ("Transport protocol - passive mode",
 * CMD E2/E1/E4 with verify bytes LRCH LRCL).
 */
class PmsFrameDecoderTest {
    /**
     * PM1.0/2.5/10 CF=1 18/27/31, atmospheric 15/24/30, counts 3120/910/161/12/3/1, reserved 0x9700;
     * check code 0x0351 computed by hand from the appendix I rule.
     */
    static final byte[] GOLDEN = Hex.parse(
            "424d001c 0012 001b 001f 000f 0018 001e 0c30 038e 00a1 000c 0003 0001 9700 0351");
    /** Mass values 600-1500, counts up to 60000 (words use the full 16 bits). Check code 0x079b. */
    static final byte[] HIGH = Hex.parse(
            "424d001c 0258 04b0 05dc 0208 03f2 0514 ea60 4e20 1388 0384 0064 0014 9700 079b");
    /** The sensor's 8-byte answer to "change mode: passive" (length 4: CMD, data, check code). */
    static final byte[] MODE_REPLY = Hex.parse("424d0004 e100 0174");

    private final PmsFrameDecoder decoder = new PmsFrameDecoder();
    private final List<PmsFrame> frames = new ArrayList<>();

    private void feed(byte[]... chunks) {
        for (byte[] c : chunks) {
            decoder.feed(c, 0, c.length, frames::add);
        }
    }

    @Test
    void decodesEveryWordOfTheGoldenFrame() {
        feed(GOLDEN);
        assertThat(frames).hasSize(1);
        PmsFrame f = frames.get(0);
        int[] words = new int[13];
        for (int i = 0; i < 13; i++) {
            words[i] = f.word(i);
        }
        assertThat(words).containsExactly(18, 27, 31, 15, 24, 30, 3120, 910, 161, 12, 3, 1, 0x9700);
        assertThat(f.pm2_5()).isEqualTo(24);
        assertThat(f.pm10()).isEqualTo(30);
        assertThat(f.checksum()).isEqualTo(0x0351);
        assertThat(f.raw()).isEqualTo(GOLDEN);
        assertThat(decoder.counters().frames()).isEqualTo(1);
    }

    @Test
    void wordsAreUnsignedSixteenBit() {
        feed(HIGH);
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.word(6)).isEqualTo(60000);
            assertThat(f.pm10()).isEqualTo(1300);
        });
    }

    @Test
    void commandsMatchTheDatasheetBytes() {
        assertThat(Hex.of(PmsCommands.readPassive())).isEqualTo("424de2000001" + "71");
        assertThat(Hex.of(PmsCommands.passiveMode())).isEqualTo("424de1000001" + "70");
        assertThat(Hex.of(PmsCommands.activeMode())).isEqualTo("424de1000101" + "71");
        assertThat(Hex.of(PmsCommands.sleep())).isEqualTo("424de4000001" + "73");
        assertThat(Hex.of(PmsCommands.wake())).isEqualTo("424de4000101" + "74");
    }

    @Test
    void resynchronisesAfterGarbageIncludingFalseStarts() {
        byte[] garbage = Hex.parse("00 42 17 424d 424d0099 ff 42");
        feed(garbage, GOLDEN);
        assertThat(frames).containsExactly(new PmsFrame(GOLDEN));
        assertThat(decoder.counters().skippedBytes()).isGreaterThanOrEqualTo(garbage.length - 1);
    }

    @Test
    void joinsAFrameSplitAtEveryPossiblePoint() {
        for (int cut = 1; cut < GOLDEN.length; cut++) {
            PmsFrameDecoder d = new PmsFrameDecoder();
            List<PmsFrame> got = new ArrayList<>();
            d.feed(Arrays.copyOfRange(GOLDEN, 0, cut), 0, cut, got::add);
            assertThat(got).as("cut %d, first part", cut).isEmpty();
            d.feed(Arrays.copyOfRange(GOLDEN, cut, GOLDEN.length), 0, GOLDEN.length - cut, got::add);
            assertThat(got).as("cut %d", cut).containsExactly(new PmsFrame(GOLDEN));
        }
    }

    @Test
    void joinsAFrameFedOneByteAtATime() {
        for (byte b : GOLDEN) {
            feed(new byte[] {b});
        }
        assertThat(frames).containsExactly(new PmsFrame(GOLDEN));
    }

    @Test
    void yieldsBothFramesOfOneRead() {
        byte[] two = new byte[64];
        System.arraycopy(GOLDEN, 0, two, 0, 32);
        System.arraycopy(HIGH, 0, two, 32, 32);
        feed(two);
        assertThat(frames).containsExactly(new PmsFrame(GOLDEN), new PmsFrame(HIGH));
    }

    @Test
    void dropsAndCountsABadChecksumThenFindsTheNextFrame() {
        byte[] bad = GOLDEN.clone();
        bad[13] ^= 0x01;
        feed(bad, HIGH);
        assertThat(frames).containsExactly(new PmsFrame(HIGH));
        assertThat(decoder.counters().badChecksums()).isEqualTo(1);
    }

    @Test
    void findsAFrameThatStartsInsideATruncatedOne() {
        byte[] truncated = Arrays.copyOf(GOLDEN, 20);
        feed(truncated, HIGH);
        assertThat(frames).containsExactly(new PmsFrame(HIGH));
    }

    @Test
    void countsCommandRepliesWithoutDecodingThemAsData() {
        feed(MODE_REPLY, GOLDEN);
        assertThat(frames).containsExactly(new PmsFrame(GOLDEN));
        assertThat(decoder.counters().replies()).isEqualTo(1);
        assertThat(decoder.counters().badChecksums()).isZero();
    }

    @Test
    void resetForgetsAPartialFrame() {
        feed(Arrays.copyOf(GOLDEN, 10));
        decoder.reset();
        feed(Arrays.copyOfRange(GOLDEN, 10, 32), HIGH);
        assertThat(frames).containsExactly(new PmsFrame(HIGH));
    }
}
