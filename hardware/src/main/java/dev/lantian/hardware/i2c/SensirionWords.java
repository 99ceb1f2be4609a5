package dev.lantian.hardware.i2c;

/**
 * The word framing every Sensirion I2C sensor shares (SPS30 datasheet section 6.2, SGP40 datasheet
 * section 4.6): 16-bit big-endian commands, and data as 16-bit words each followed by a CRC-8 with
 * polynomial 0x31, initial value 0xFF, no reflection, no final XOR.
 */
public final class SensirionWords {
    private SensirionWords() {
    }

    /** CRC-8 of {@code length} bytes from {@code offset}; {@code crc8(0xBE, 0xEF) == 0x92}. */
    public static int crc8(byte[] data, int offset, int length) {
        int crc = 0xFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    /** The bytes of a command followed by its argument words, each word with its CRC. */
    public static byte[] command(int command, int... words) {
        byte[] out = new byte[2 + 3 * words.length];
        out[0] = (byte) (command >> 8);
        out[1] = (byte) command;
        for (int i = 0; i < words.length; i++) {
            int at = 2 + 3 * i;
            out[at] = (byte) (words[i] >> 8);
            out[at + 1] = (byte) words[i];
            out[at + 2] = (byte) crc8(out, at, 2);
        }
        return out;
    }

    /** Encodes words as the sensor sends them: each word followed by its CRC (used by simulators). */
    public static byte[] encode(int... words) {
        byte[] withCommand = command(0, words);
        byte[] out = new byte[withCommand.length - 2];
        System.arraycopy(withCommand, 2, out, 0, out.length);
        return out;
    }

    /**
     * Decodes a response of 3-byte chunks into 16-bit words.
     *
     * @throws CrcMismatch naming the first chunk whose CRC is wrong
     */
    public static int[] decode(byte[] response) throws CrcMismatch {
        if (response.length % 3 != 0) {
            throw new IllegalArgumentException("a Sensirion response is a whole number of 3-byte words, got " + response.length);
        }
        int[] words = new int[response.length / 3];
        for (int i = 0; i < words.length; i++) {
            int at = 3 * i;
            int expected = crc8(response, at, 2);
            int got = response[at + 2] & 0xFF;
            if (expected != got) {
                throw new CrcMismatch(i, expected, got);
            }
            words[i] = ((response[at] & 0xFF) << 8) | (response[at + 1] & 0xFF);
        }
        return words;
    }

    /** A word of a Sensirion response failed its CRC: the whole response is not to be trusted. */
    public static final class CrcMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        public CrcMismatch(int word, int expected, int got) {
            super(String.format("CRC mismatch in word %d: expected 0x%02X, got 0x%02X", word, expected, got));
        }
    }
}
