package dev.lantian.simulator.device;

/** The Modbus RTU CRC-16 (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first. */
public final class Crc16 {
    private Crc16() {
    }

    public static int of(byte[] b, int from, int len) {
        int crc = 0xFFFF;
        for (int i = from; i < from + len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /** {@code body} with its CRC appended. */
    public static byte[] append(byte[] body) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + 2);
        int crc = of(body, 0, body.length);
        out[body.length] = (byte) crc;
        out[body.length + 1] = (byte) (crc >>> 8);
        return out;
    }

    /** Whether the last two bytes of {@code len} bytes from {@code from} are the CRC of the ones before. */
    public static boolean valid(byte[] b, int from, int len) {
        if (len < 4) {
            return false;
        }
        int crc = of(b, from, len - 2);
        return (b[from + len - 2] & 0xFF) == (crc & 0xFF) && (b[from + len - 1] & 0xFF) == (crc >>> 8);
    }
}
