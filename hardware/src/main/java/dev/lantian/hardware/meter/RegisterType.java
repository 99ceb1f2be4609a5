package dev.lantian.hardware.meter;

import java.util.Locale;
import java.util.Optional;

/** How the bits of one or two registers encode a number. */
public enum RegisterType {
    INT16(1), UINT16(1), INT32(2), UINT32(2), FLOAT32(2);

    private final int words;

    RegisterType(int words) {
        this.words = words;
    }

    /** Registers the value occupies. */
    public int words() {
        return words;
    }

    /** Interprets {@code bits}, already assembled most significant first. */
    double interpret(long bits) {
        return switch (this) {
            case INT16 -> (short) bits;
            case UINT16 -> bits & 0xFFFFL;
            case INT32 -> (int) bits;
            case UINT32 -> bits & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
        };
    }

    public static Optional<RegisterType> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
