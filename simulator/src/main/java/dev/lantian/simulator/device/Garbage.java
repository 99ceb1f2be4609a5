package dev.lantian.simulator.device;

import java.util.SplittableRandom;

/**
 * Deterministic junk for the garbage fault: the frame with its check bytes broken (every protocol
 * here ends with a checksum or CRC followed by at most one tail byte, so the second-to-last byte is
 * always part of it), then random bytes, so a driver's rejection and resynchronisation are exercised.
 */
final class Garbage {
    private final SplittableRandom random;

    Garbage(long seed) {
        random = new SplittableRandom(seed);
    }

    /** {@code frame} with a check byte flipped (so its checksum fails) followed by random bytes. */
    synchronized byte[] corrupt(byte[] frame) {
        byte[] out = new byte[frame.length + 7];
        System.arraycopy(frame, 0, out, 0, frame.length);
        out[frame.length - 2] ^= (byte) (1 + random.nextInt(255));
        for (int i = frame.length; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
