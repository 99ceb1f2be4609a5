package dev.lantian.hardware.sensor.pms;

import dev.lantian.hardware.sensor.uart.ScanningFrameDecoder;

/**
 * Finds Plantower frames in a byte stream: {@code 42 4D}, a 16-bit length, then that many bytes of
 * which the last two are the 16-bit sum of everything before them. Length 28 is a data frame; length
 * 4 is the 8-byte answer to a mode or sleep command (counted, not decoded). Any other length is not a
 * frame start.
 *
 * <p>After a failed checksum only the first byte is dropped, so a real frame that began inside what
 * looked like a frame (garbage containing {@code 42 4D}) is still found.
 */
public final class PmsFrameDecoder extends ScanningFrameDecoder<PmsFrame> {
    private static final int START1 = 0x42;
    private static final int START2 = 0x4D;
    private static final int REPLY_LENGTH_FIELD = 4;

    public PmsFrameDecoder() {
        super(128);
    }

    @Override
    protected int match(byte[] buf, int pos, int fill) {
        if ((buf[pos] & 0xFF) != START1) {
            return NOT_A_FRAME;
        }
        if (pos + 1 >= fill) {
            return NEED_MORE;
        }
        if ((buf[pos + 1] & 0xFF) != START2) {
            return NOT_A_FRAME;
        }
        if (pos + 4 > fill) {
            return NEED_MORE;
        }
        int declared = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        if (declared != PmsFrame.LENGTH_FIELD && declared != REPLY_LENGTH_FIELD) {
            return NOT_A_FRAME;
        }
        int total = 4 + declared;
        if (pos + total > fill) {
            return NEED_MORE;
        }
        int expected = ((buf[pos + total - 2] & 0xFF) << 8) | (buf[pos + total - 1] & 0xFF);
        return PmsFrame.sum(buf, pos, total - 2) == expected ? total : BAD_CHECKSUM;
    }

    @Override
    protected PmsFrame decode(byte[] frame) {
        return frame.length == 4 + PmsFrame.LENGTH_FIELD ? new PmsFrame(frame) : null;
    }
}
