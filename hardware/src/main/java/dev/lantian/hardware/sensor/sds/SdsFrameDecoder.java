package dev.lantian.hardware.sensor.sds;

import dev.lantian.hardware.sensor.uart.FrameCounters;
import dev.lantian.hardware.sensor.uart.FrameDecoder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Finds SDS011 sensor-to-host frames in a byte stream: 10 bytes {@code AA cmd d1..d6 cs AB}. Command
 * {@code C0} is a measurement (decoded); {@code C5} answers a configuration command (counted). A
 * candidate with the right head, command and tail but a wrong checksum is a bad frame (counted);
 * anything else is skipped one byte at a time, so a real frame inside garbage is still found.
 */
public final class SdsFrameDecoder implements FrameDecoder<SdsFrame> {
    static final int HEAD = 0xAA;
    static final int TAIL = 0xAB;
    static final int DATA = 0xC0;
    static final int REPLY = 0xC5;

    private byte[] buf = new byte[64];
    private int fill;
    private long frames;
    private long badChecksums;
    private long skipped;
    private long replies;

    @Override
    public void feed(byte[] bytes, int offset, int length, Consumer<? super SdsFrame> out) {
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
        if (buf.length > 1024 && fill < 64) {
            buf = Arrays.copyOf(buf, 64);
        }
    }

    private int scan(Consumer<? super SdsFrame> out) {
        int pos = 0;
        while (pos < fill) {
            if ((buf[pos] & 0xFF) != HEAD) {
                pos++;
                skipped++;
                continue;
            }
            if (pos + 1 >= fill) {
                break;
            }
            int cmd = buf[pos + 1] & 0xFF;
            if (cmd != DATA && cmd != REPLY) {
                pos++;
                skipped++;
                continue;
            }
            if (pos + SdsFrame.LENGTH > fill) {
                break;
            }
            if ((buf[pos + 9] & 0xFF) != TAIL) {
                pos++;
                skipped++;
                continue;
            }
            if (SdsFrame.sum(buf, pos + 2, 6) != (buf[pos + 8] & 0xFF)) {
                badChecksums++;
                pos++;
                continue;
            }
            if (cmd == DATA) {
                frames++;
                out.accept(new SdsFrame(Arrays.copyOfRange(buf, pos, pos + SdsFrame.LENGTH)));
            } else {
                replies++;
            }
            pos += SdsFrame.LENGTH;
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
