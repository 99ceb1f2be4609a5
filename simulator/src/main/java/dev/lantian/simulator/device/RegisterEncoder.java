package dev.lantian.simulator.device;

import dev.lantian.hardware.meter.Endianness;
import dev.lantian.hardware.meter.Ratio;
import dev.lantian.hardware.meter.RegisterEntry;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.modbus.RegisterFunction;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverse of {@link RegisterMap#decode}: puts values into registers exactly as the map the agent
 * reads says they are laid out (type, word and byte order, scale, offset, ratios), so a virtual meter
 * and the agent can never disagree about a map.
 */
public final class RegisterEncoder {
    private RegisterEncoder() {
    }

    /** Register tables (function -> address -> 16-bit word) holding {@code values} by field name. */
    public static Map<RegisterFunction, Map<Integer, Integer>> encode(RegisterMap map, Map<String, Double> values) {
        Map<RegisterFunction, Map<Integer, Integer>> tables = new EnumMap<>(RegisterFunction.class);
        Map<String, Double> ratios = new HashMap<>();
        for (Ratio r : map.ratios()) {
            double v = r.defaultValue().orElse(1.0);
            ratios.put(r.name(), v);
            r.register().ifPresent(reg -> put(tables, reg, v));
        }
        for (RegisterEntry e : map.entries()) {
            Double v = values.get(e.field());
            if (v == null) {
                continue;
            }
            double x = v - e.offset();
            for (String ratio : e.ratios()) {
                x /= ratios.getOrDefault(ratio, 1.0);
            }
            put(tables, e, x);
        }
        return tables;
    }

    /** Stores {@code scaled} (the value before the entry's scale) in the entry's registers. */
    private static void put(Map<RegisterFunction, Map<Integer, Integer>> tables, RegisterEntry e, double unscaled) {
        int[] words = words(e, unscaled / e.scale());
        Map<Integer, Integer> table = tables.computeIfAbsent(e.function(), f -> new HashMap<>());
        for (int i = 0; i < words.length; i++) {
            table.put(e.address() + i, words[i]);
        }
    }

    /** The registers of one raw number, in the entry's word and byte order. */
    public static int[] words(RegisterEntry e, double raw) {
        long bits = switch (e.type()) {
            case INT16 -> clamp(Math.round(raw), Short.MIN_VALUE, Short.MAX_VALUE) & 0xFFFFL;
            case UINT16 -> clamp(Math.round(raw), 0, 0xFFFF);
            case INT32 -> clamp(Math.round(raw), Integer.MIN_VALUE, Integer.MAX_VALUE) & 0xFFFF_FFFFL;
            case UINT32 -> clamp(Math.round(raw), 0, 0xFFFF_FFFFL);
            case FLOAT32 -> Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
        };
        int n = e.type().words();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            int word = (int) ((bits >>> (16 * (n - 1 - i))) & 0xFFFF);
            if (e.byteOrder() == Endianness.LITTLE) {
                word = ((word & 0xFF) << 8) | (word >>> 8);
            }
            w[e.wordOrder() == Endianness.BIG ? i : n - 1 - i] = word;
        }
        return w;
    }

    private static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }
}
