package dev.lantian.hardware.dlt645;

import java.util.Optional;

/**
 * The DL/T 645-2007 data identifiers Lantian reads, with their value formats from the standard's
 * appendix A tables (BCD, least significant byte first; a signed value uses the top bit of its most
 * significant byte as the sign).
 */
public enum DataIdentifier {
    /** (Current) forward active total energy, XXXXXX.XX kWh. */
    FORWARD_ENERGY(0x0001_0000, "forward_energy", 4, 2, false, true),
    /** Phase A voltage, XXX.X V. */
    VOLTAGE_A(0x0201_0100, "voltage_a", 2, 1, false, false),
    VOLTAGE_B(0x0201_0200, "voltage_b", 2, 1, false, false),
    VOLTAGE_C(0x0201_0300, "voltage_c", 2, 1, false, false),
    /** Phase A current, XXX.XXX A, signed (reverse flow). */
    CURRENT_A(0x0202_0100, "current_a", 3, 3, true, false),
    CURRENT_B(0x0202_0200, "current_b", 3, 3, true, false),
    CURRENT_C(0x0202_0300, "current_c", 3, 3, true, false),
    /** Instantaneous total active power, XX.XXXX kW, signed. */
    ACTIVE_POWER(0x0203_0000, "active_power", 3, 4, true, false);

    private final int code;
    private final String field;
    private final int length;
    private final int decimals;
    private final boolean signed;
    private final boolean cumulative;

    DataIdentifier(int code, String field, int length, int decimals, boolean signed, boolean cumulative) {
        this.code = code;
        this.field = field;
        this.length = length;
        this.decimals = decimals;
        this.signed = signed;
        this.cumulative = cumulative;
    }

    public int code() {
        return code;
    }

    /** The field name channels use (FIELDS.md). */
    public String field() {
        return field;
    }

    /** Value bytes after the 4 identifier bytes. */
    public int length() {
        return length;
    }

    public boolean cumulative() {
        return cumulative;
    }

    /**
     * Decodes the value bytes (already minus 0x33); empty when a nibble is not a decimal digit, which
     * is how a garbled or unsupported reply shows.
     */
    public Optional<Double> decode(byte[] value) {
        if (value.length != length) {
            return Optional.empty();
        }
        long digits = 0;
        boolean negative = false;
        for (int i = length - 1; i >= 0; i--) {
            int b = value[i] & 0xFF;
            if (i == length - 1 && signed) {
                negative = (b & 0x80) != 0;
                b &= 0x7F;
            }
            int hi = b >>> 4;
            int lo = b & 0x0F;
            if (hi > 9 || lo > 9) {
                return Optional.empty();
            }
            digits = digits * 100 + hi * 10 + lo;
        }
        double v = digits / Math.pow(10, decimals);
        return Optional.of(negative ? -v : v);
    }

    /** Encodes {@code value} as the meter would (for in-memory meters in tests and the simulator). */
    public byte[] encode(double value) {
        long digits = Math.round(Math.abs(value) * Math.pow(10, decimals));
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int pair = (int) (digits % 100);
            digits /= 100;
            out[i] = (byte) (((pair / 10) << 4) | (pair % 10));
        }
        if (signed && value < 0) {
            out[length - 1] |= (byte) 0x80;
        }
        return out;
    }

    public static Optional<DataIdentifier> of(int code) {
        for (DataIdentifier d : values()) {
            if (d.code == code) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
