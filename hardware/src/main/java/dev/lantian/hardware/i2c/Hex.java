package dev.lantian.hardware.i2c;

/** Hex dumps for logs and {@code probe --raw}. */
public final class Hex {
    private Hex() {
    }

    public static String of(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 3);
        for (byte b : data) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
