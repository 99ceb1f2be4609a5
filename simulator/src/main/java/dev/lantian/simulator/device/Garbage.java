package dev.lantian.simulator.device;

import java.util.SplittableRandom;

/**
 * Deterministic junk for the garbage fault: bytes that are not a frame, salted with the frame's own
 * start bytes so a driver's resynchronisation is really exercised, and with the checksum broken.
 */
final class Garbage {
    private final SplittableRandom random;

    Garbage(long seed) {
        random = new SplittableRandom(seed);
    }

    /** {@code frame} with a byte flipped (so its checksum fails) followed by random bytes. */
    synchronized byte[] corrupt(byte[] frame) {
        byte[] out = new byte[frame.length + 7];
        System.arraycopy(frame, 0, out, 0, frame.length);
        int at = 2 + random.nextInt(Math.max(1, frame.length - 3));
        out[at] ^= (byte) (1 + random.nextInt(255));
        for (int i = frame.length; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
