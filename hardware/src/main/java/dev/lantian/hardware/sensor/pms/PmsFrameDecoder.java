package dev.lantian.hardware.sensor.pms;

import dev.lantian.hardware.sensor.uart.FrameCounters;
import dev.lantian.hardware.sensor.uart.FrameDecoder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Finds Plantower frames in a byte stream: {@code 42 4D}, a 16-bit length, then that many bytes of
 * which the last two are the 16-bit sum of everything before them. Length 28 is a data frame; length
 * 4 is the 8-byte answer to a mode or sleep command (counted, not decoded). Any other length is not a
 * frame start.
 *
 * <p>After a failed checksum only the first byte is dropped, so a real frame that began inside what
 * looked like a frame (garbage containing {@code 42 4D}) is still found.
 */
public final class PmsFrameDecoder implements FrameDecoder<PmsFrame> {
    private static final int START1 = 0x42;
    private static final int START2 = 0x4D;
    private static final int REPLY_LENGTH_FIELD = 4;

    private byte[] buf = new byte[128];
    private int fill;
    private long frames;
    private long badChecksums;
    private long skipped;
    private long replies;

    @Override
    public void feed(byte[] bytes, int offset, int length, Consumer<? super PmsFrame> out) {
        if (length <= 0) {
            return;
        }
        if (fill + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, fill + length));
        }
        System.arraycopy(bytes, offset, buf, fill, length);
        fill += length;
        int pos = scan(out);
        System.arraycopy(buf, pos, buf, 0, fill - pos);
        fill -= pos;
        if (buf.length > 1024 && fill < 128) {
            buf = Arrays.copyOf(buf, 128);
        }
    }

    /** Consumes frames from the front of the buffer; returns how many bytes are used up. */
    private int scan(Consumer<? super PmsFrame> out) {
        int pos = 0;
        while (pos < fill) {
            if ((buf[pos] & 0xFF) != START1) {
                pos++;
                skipped++;
                continue;
            }
            if (pos + 1 >= fill) {
                break;
            }
            if ((buf[pos + 1] & 0xFF) != START2) {
                pos++;
                skipped++;
                continue;
            }
            if (pos + 4 > fill) {
                break;
            }
            int declared = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
            if (declared != PmsFrame.LENGTH_FIELD && declared != REPLY_LENGTH_FIELD) {
                pos++;
                skipped++;
                continue;
            }
            int total = 4 + declared;
            if (pos + total > fill) {
                break;
            }
            int expected = ((buf[pos + total - 2] & 0xFF) << 8) | (buf[pos + total - 1] & 0xFF);
            if (PmsFrame.sum(buf, pos, total - 2) != expected) {
                badChecksums++;
                pos++;
                continue;
            }
            if (declared == PmsFrame.LENGTH_FIELD) {
                frames++;
                out.accept(new PmsFrame(Arrays.copyOfRange(buf, pos, pos + total)));
            } else {
                replies++;
            }
            pos += total;
        }
        return pos;
    }

    @Override
    public void reset() {
        fill = 0;
    }

    @Override
    public FrameCounters counters() {
        return new FrameCounters(frames, badChecksums, skipped, replies);
    }
}
