package dev.lantian.hardware.sensor.sds;

import dev.lantian.hardware.sensor.uart.ScanningFrameDecoder;

/**
 * Finds SDS011 sensor-to-host frames in a byte stream: 10 bytes {@code AA cmd d1..d6 cs AB}. Command
 * {@code C0} is a measurement (decoded); {@code C5} answers a configuration command (counted). A
 * candidate with the right head, command and tail but a wrong checksum is a bad frame (counted);
 * anything else is skipped one byte at a time, so a real frame inside garbage is still found.
 */
public final class SdsFrameDecoder extends ScanningFrameDecoder<SdsFrame> {
    static final int HEAD = 0xAA;
    static final int TAIL = 0xAB;
    static final int DATA = 0xC0;
    static final int REPLY = 0xC5;

    public SdsFrameDecoder() {
        super(64);
    }

    @Override
    protected int match(byte[] buf, int pos, int fill) {
        if ((buf[pos] & 0xFF) != HEAD) {
            return NOT_A_FRAME;
        }
        if (pos + 1 >= fill) {
            return NEED_MORE;
        }
        int cmd = buf[pos + 1] & 0xFF;
        if (cmd != DATA && cmd != REPLY) {
            return NOT_A_FRAME;
        }
        if (pos + SdsFrame.LENGTH > fill) {
            return NEED_MORE;
        }
        if ((buf[pos + 9] & 0xFF) != TAIL) {
            return NOT_A_FRAME;
        }
        return SdsFrame.sum(buf, pos + 2, 6) == (buf[pos + 8] & 0xFF) ? SdsFrame.LENGTH : BAD_CHECKSUM;
    }

    @Override
    protected SdsFrame decode(byte[] frame) {
        return (frame[1] & 0xFF) == DATA ? new SdsFrame(frame) : null;
    }
}
