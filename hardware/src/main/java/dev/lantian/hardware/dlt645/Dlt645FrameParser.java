package dev.lantian.hardware.dlt645;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds DL/T 645 frames in a byte stream: skips wake-up bytes and garbage, rejects a candidate whose
 * checksum or end byte is wrong and resynchronises on the next {@code 68}. Never throws on input.
 */
public final class Dlt645FrameParser {
    private static final int MAX_FRAME = 12 + 255;
    private byte[] buf = new byte[512];
    private int len;
    private long checksumErrors;

    /** Appends received bytes. */
    public void feed(byte[] bytes, int off, int n) {
        if (len + n > buf.length) {
            // Keep only what can still hold a frame: a runaway line cannot grow memory without bound.
            int keep = Math.min(len, MAX_FRAME);
            System.arraycopy(buf, len - keep, buf, 0, keep);
            len = keep;
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, len + n);
            }
        }
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** The next complete valid frame, if the buffer holds one. */
    public Optional<Dlt645Frame> next() {
        int i = 0;
        try {
            while (i < len) {
                if (buf[i] != 0x68) {
                    i++;
                    continue;
                }
                if (len - i < 10) {
                    return Optional.empty();
                }
                if (buf[i + 7] != 0x68) {
                    i++;
                    continue;
                }
                int l = buf[i + 9] & 0xFF;
                int total = 12 + l;
                if (len - i < total) {
                    return Optional.empty();
                }
                byte cs = Dlt645Frame.checksum(buf, i, 10 + l);
                if (buf[i + 10 + l] != cs || buf[i + 11 + l] != 0x16) {
                    checksumErrors++;
                    i++;
                    continue;
                }
                byte[] address = Arrays.copyOfRange(buf, i + 1, i + 7);
                byte[] data = new byte[l];
                for (int k = 0; k < l; k++) {
                    data[k] = (byte) (buf[i + 10 + k] - 0x33);
                }
                int control = buf[i + 8] & 0xFF;
                i += total;
                if (l > 200) {
                    continue;
                }
                return Optional.of(new Dlt645Frame(address, control, data));
            }
            return Optional.empty();
        } finally {
            System.arraycopy(buf, i, buf, 0, len - i);
            len -= i;
        }
    }

    /** Candidates dropped for a wrong checksum or end byte (for the line's CRC error counter). */
    public long checksumErrors() {
        return checksumErrors;
    }

    public void clear() {
        len = 0;
    }
}
