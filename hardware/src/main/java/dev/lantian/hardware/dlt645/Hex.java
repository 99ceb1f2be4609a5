package dev.lantian.hardware.dlt645;

/** Hex dumps for logs and {@code probe --raw}. */
public final class Hex {
    private Hex() {
    }

    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    /** Parses {@code "68 61 01"} (spaces optional). */
    public static byte[] parse(String text) {
        String t = text.replaceAll("\\s+", "");
        if (t.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
