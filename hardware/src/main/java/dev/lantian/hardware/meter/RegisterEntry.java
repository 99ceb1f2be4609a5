package dev.lantian.hardware.meter;

import dev.lantian.hardware.modbus.RegisterFunction;
import java.util.List;
import java.util.Objects;

/**
 * One named quantity of a register map: where it sits and how its raw bits become a value in
 * {@code unit}: {@code value = raw * scale * (product of ratios) + offset}.
 *
 * @param field      the name channels refer to ({@code phase1_voltage})
 * @param function   input or holding registers
 * @param address    zero-based register address as sent on the wire
 * @param type       the encoding
 * @param wordOrder  order of the two words of a 32-bit value
 * @param byteOrder  order of the bytes in each register
 * @param scale      multiplier applied to the raw number
 * @param offset     added after scaling
 * @param unit       unit of the result
 * @param cumulative true for an ever-growing counter (energy), so the measurement stage handles rollover and reset
 * @param ratios     names of the map's ratios (CT, PT) the value is multiplied by
 */
public record RegisterEntry(String field, RegisterFunction function, int address, RegisterType type,
                            Endianness wordOrder, Endianness byteOrder, double scale, double offset, String unit,
                            boolean cumulative, List<String> ratios) {
    public RegisterEntry {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wordOrder, "wordOrder");
        Objects.requireNonNull(byteOrder, "byteOrder");
        unit = unit == null ? "" : unit;
        ratios = List.copyOf(ratios);
        if (address < 0 || address + type.words() > 0x10000) {
            throw new IllegalArgumentException(field + ": address " + address + " outside 0..65535");
        }
    }

    /** The raw number from the registers starting at {@link #address}, before scale and ratios. */
    public double raw(int[] words) {
        if (words.length != type.words()) {
            throw new IllegalArgumentException(field + " needs " + type.words() + " registers");
        }
        int[] w = words.clone();
        if (byteOrder == Endianness.LITTLE) {
            for (int i = 0; i < w.length; i++) {
                w[i] = ((w[i] & 0xFF) << 8) | ((w[i] >> 8) & 0xFF);
            }
        }
        long bits = 0;
        for (int i = 0; i < w.length; i++) {
            int word = wordOrder == Endianness.BIG ? w[i] : w[w.length - 1 - i];
            bits = (bits << 16) | (word & 0xFFFF);
        }
        return type.interpret(bits);
    }
}
