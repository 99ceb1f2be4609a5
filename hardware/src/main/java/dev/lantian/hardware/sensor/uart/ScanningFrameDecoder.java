package dev.lantian.hardware.sensor.uart;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The buffer and resynchronisation logic the framed UART decoders share: bytes are appended, then
 * every position is offered to {@link #match}; a position that is no frame start is skipped one byte
 * at a time (so a real frame that began inside garbage is still found), a candidate with a wrong
 * checksum costs one byte and is counted, a partial candidate waits for more bytes.
 *
 * @param <F> the decoded frame
 */
public abstract class ScanningFrameDecoder<F> implements FrameDecoder<F> {
    /** {@link #match} result: the bytes at this position could still become a frame; wait for more. */
    protected static final int NEED_MORE = -1;
    /** {@link #match} result: no frame starts here. */
    protected static final int NOT_A_FRAME = -2;
    /** {@link #match} result: a complete candidate whose checksum fails. */
    protected static final int BAD_CHECKSUM = -3;

    private final int initialSize;
    private byte[] buf;
    private int fill;
    private long frames;
    private long badChecksums;
    private long skipped;
    private long replies;

    protected ScanningFrameDecoder(int initialSize) {
        this.initialSize = initialSize;
        this.buf = new byte[initialSize];
    }

    /**
     * Looks at {@code buf[pos..fill)}: the length of a complete frame with a good checksum starting
     * at {@code pos}, or {@link #NEED_MORE}, {@link #NOT_A_FRAME}, {@link #BAD_CHECKSUM}.
     */
    protected abstract int match(byte[] buf, int pos, int fill);

    /** The decoded data frame, or null when the complete frame is a command reply (counted, not decoded). */
    protected abstract F decode(byte[] frame);

    @Override
    public void feed(byte[] bytes, int offset, int length, Consumer<? super F> out) {
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
        if (buf.length > 1024 && fill < initialSize) {
            buf = Arrays.copyOf(buf, initialSize);
        }
    }

    /** Consumes frames from the front of the buffer; returns how many bytes are used up. */
    private int scan(Consumer<? super F> out) {
        int pos = 0;
        while (pos < fill) {
            int m = match(buf, pos, fill);
            if (m == NEED_MORE) {
                break;
            }
            if (m == NOT_A_FRAME || m == BAD_CHECKSUM) {
                if (m == NOT_A_FRAME) {
                    skipped++;
                } else {
                    badChecksums++;
                }
                pos++;
                continue;
            }
            F frame = decode(Arrays.copyOfRange(buf, pos, pos + m));
            if (frame != null) {
                frames++;
                out.accept(frame);
            } else {
                replies++;
            }
            pos += m;
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
