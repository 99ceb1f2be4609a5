package dev.lantian.hardware.modbus;

import java.util.Locale;
import java.util.Objects;

/**
 * Character framing of an RS-485 line, needed both to open the port and to compute the Modbus
 * inter-frame silence.
 *
 * @param baud     bits per second
 * @param dataBits 7 or 8
 * @param parity   none, even or odd
 * @param stopBits 1 or 2
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {

    /** Serial parity. */
    public enum Parity {
        NONE, EVEN, ODD;

        public static Parity parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "none", "n" -> NONE;
                case "even", "e" -> EVEN;
                case "odd", "o" -> ODD;
                default -> throw new IllegalArgumentException("parity must be none, even or odd, not '" + text + "'");
            };
        }
    }

    public SerialSettings {
        Objects.requireNonNull(parity, "parity");
        if (baud <= 0 || (dataBits != 7 && dataBits != 8) || (stopBits != 1 && stopBits != 2)) {
            throw new IllegalArgumentException("bad serial settings: " + baud + " baud, " + dataBits + " data bits, "
                    + stopBits + " stop bits");
        }
    }

    /** Modbus RTU's own default framing, 8E1. */
    public static SerialSettings modbusDefault(int baud) {
        return new SerialSettings(baud, 8, Parity.EVEN, 1);
    }

    /** Bits on the wire per character: start bit, data, parity, stop. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
