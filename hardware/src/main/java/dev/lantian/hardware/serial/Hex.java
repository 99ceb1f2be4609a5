package dev.lantian.hardware.serial;

import java.util.HexFormat;

/** Hex text of wire bytes for logs and {@code probe --raw}. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** Parses hex digits, ignoring spaces: {@code "42 4d e2"}. */
    public static byte[] parse(String text) {
        return LOWER.parseHex(text.replace(" ", ""));
    }
}
