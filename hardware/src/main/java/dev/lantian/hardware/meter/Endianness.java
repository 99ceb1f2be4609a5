package dev.lantian.hardware.meter;

import java.util.Locale;
import java.util.Optional;

/**
 * Order of the two words of a 32-bit value ({@code word_order}) or of the two bytes inside each
 * register ({@code byte_order}). Modbus itself is big endian; many meters swap words (CDAB).
 */
public enum Endianness {
    /** Most significant first (Modbus standard, Eastron "ABCD"). */
    BIG,
    /** Least significant first. */
    LITTLE;

    public static Optional<Endianness> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "big", "high_first", "msw_first", "abcd" -> Optional.of(BIG);
            case "little", "low_first", "lsw_first", "swapped" -> Optional.of(LITTLE);
            default -> Optional.empty();
        };
    }
}
