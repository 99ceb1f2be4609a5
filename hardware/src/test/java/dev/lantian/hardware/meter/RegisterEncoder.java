package dev.lantian.hardware.meter;

/** Test helper: the inverse of {@link RegisterEntry#raw}, to put known values into virtual slaves. */
public final class RegisterEncoder {
    private RegisterEncoder() {
    }

    /** Registers holding {@code value} in the entry's unit (scale, offset and the given ratio product undone). */
    public static int[] words(RegisterEntry e, double value, double ratioProduct) {
        double raw = (value - e.offset()) / ratioProduct / e.scale();
        long bits = switch (e.type()) {
            case FLOAT32 -> Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
            case INT16, UINT16 -> Math.round(raw) & 0xFFFFL;
            case INT32, UINT32 -> Math.round(raw) & 0xFFFF_FFFFL;
        };
        int n = e.type().words();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            int word = (int) ((bits >>> (16 * (n - 1 - i))) & 0xFFFF);
            w[e.wordOrder() == Endianness.BIG ? i : n - 1 - i] = word;
        }
        if (e.byteOrder() == Endianness.LITTLE) {
            for (int i = 0; i < n; i++) {
                w[i] = ((w[i] & 0xFF) << 8) | (w[i] >> 8);
            }
        }
        return w;
    }
}
