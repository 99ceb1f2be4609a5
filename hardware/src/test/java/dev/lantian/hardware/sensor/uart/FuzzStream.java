package dev.lantian.hardware.sensor.uart;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A seeded stream of valid, mutated, truncated and random frames plus garbage, as a noisy UART
 * would deliver it, and the chunking a serial read would cut it into.
 */
final class FuzzStream {
    final byte[] bytes;
    final List<byte[]> valid;
    final int hostile;
    final List<int[]> chunks;

    private FuzzStream(byte[] bytes, List<byte[]> valid, int hostile, List<int[]> chunks) {
        this.bytes = bytes;
        this.valid = valid;
        this.hostile = hostile;
        this.chunks = chunks;
    }

    /**
     * @param validFrame   makes a valid frame from random data
     * @param header       the frame's start bytes (a random-body frame starts with them)
     * @param frameLength  the frame's length
     * @param checksumOk   the test's own checksum check, independent of the code under test
     */
    static FuzzStream generate(long seed, int segments, int maxChunk, Function<Random, byte[]> validFrame,
            byte[] header, int frameLength, Predicate<byte[]> checksumOk) {
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> valid = new ArrayList<>();
        int hostile = 0;
        for (int i = 0; i < segments; i++) {
            int kind = rnd.nextInt(100);
            if (kind < 35) {
                byte[] f = validFrame.apply(rnd);
                valid.add(f);
                out.writeBytes(f);
                continue;
            }
            hostile++;
            if (kind < 65) {
                byte[] f = validFrame.apply(rnd);
                int at = rnd.nextInt(f.length);
                f[at] ^= (byte) (1 + rnd.nextInt(255));
                out.writeBytes(f);
            } else if (kind < 75) {
                // A cut frame directly followed by a frame is ambiguous on the wire: the next frame's
                // first bytes may complete the cut one with a matching checksum (1 in 256 when only the
                // last byte is missing). A real sensor's next frame comes 0.2-2.3 s later, so the cut
                // frame is followed by line noise long enough to complete it, never by a frame.
                byte[] f = validFrame.apply(rnd);
                int cut = 1 + rnd.nextInt(f.length - 1);
                out.writeBytes(Arrays.copyOf(f, cut));
                out.writeBytes(new byte[f.length - cut]);
            } else if (kind < 90) {
                byte[] f = new byte[frameLength];
                rnd.nextBytes(f);
                System.arraycopy(header, 0, f, 0, header.length);
                if (!checksumOk.test(f)) {
                    out.writeBytes(f);
                }
            } else {
                byte[] g = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(g);
                out.writeBytes(g);
            }
        }
        byte[] all = out.toByteArray();
        List<int[]> chunks = new ArrayList<>();
        for (int pos = 0; pos < all.length; ) {
            int n = Math.min(all.length - pos, 1 + rnd.nextInt(maxChunk));
            chunks.add(new int[] {pos, n});
            pos += n;
        }
        return new FuzzStream(all, valid, hostile, chunks);
    }

    /** Whether {@code expected} appears in {@code actual} in order (other frames may sit between). */
    static boolean isSubsequence(List<byte[]> expected, List<byte[]> actual) {
        int j = 0;
        for (byte[] a : actual) {
            if (j < expected.size() && Arrays.equals(expected.get(j), a)) {
                j++;
            }
        }
        return j == expected.size();
    }
}
