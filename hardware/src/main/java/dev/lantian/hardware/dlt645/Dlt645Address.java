package dev.lantian.hardware.dlt645;

/**
 * A DL/T 645 meter address: 12 BCD digits as printed on the meter's nameplate
 * ({@code 000000123456}); on the wire 6 bytes, lowest two digits first.
 */
public record Dlt645Address(String digits) {
    /** The wildcard address a master uses to ask the only meter on a line for its address (control 0x13). */
    public static final Dlt645Address WILDCARD = new Dlt645Address("AAAAAAAAAAAA");

    public Dlt645Address {
        if (digits == null || !(digits.matches("[0-9]{12}") || digits.equals("AAAAAAAAAAAA"))) {
            throw new IllegalArgumentException("a DL/T 645 address is 12 decimal digits, not '" + digits + "'");
        }
    }

    /** Parses what a technician types; shorter numbers are padded with leading zeros as the standard asks. */
    public static Dlt645Address parse(String text) {
        String t = text.trim();
        if (!t.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException("a DL/T 645 address is up to 12 decimal digits, not '" + text + "'");
        }
        return new Dlt645Address("0".repeat(12 - t.length()) + t);
    }

    /** The 6 address bytes in wire order (low first). */
    public byte[] wire() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            int hiDigit = 10 - 2 * i;
            out[i] = (byte) Integer.parseInt(digits.substring(hiDigit, hiDigit + 2), 16);
        }
        return out;
    }

    /** Reads 6 wire bytes; empty when they are not BCD (and not the wildcard). */
    public static java.util.Optional<Dlt645Address> fromWire(byte[] wire) {
        if (wire.length != 6) {
            return java.util.Optional.empty();
        }
        StringBuilder sb = new StringBuilder(12);
        for (int i = 5; i >= 0; i--) {
            sb.append(String.format("%02X", wire[i] & 0xFF));
        }
        String s = sb.toString();
        if (s.matches("[0-9]{12}") || s.equals("AAAAAAAAAAAA")) {
            return java.util.Optional.of(new Dlt645Address(s));
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return digits;
    }
}
