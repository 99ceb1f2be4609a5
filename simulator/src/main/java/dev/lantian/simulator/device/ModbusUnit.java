package dev.lantian.simulator.device;

import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.modbus.RegisterFunction;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Modbus slave's register contents: its unit id, the register map it is laid out by (the same
 * file the agent decodes with) and where its values come from. Answers request PDUs.
 *
 * @param unit   slave id (1-247 on a serial line)
 * @param map    the register map, e.g. {@code RegisterMaps.shipped("eastron-sdm630")}
 * @param values field name -> value in the map's units, read on every request
 * @param faults silence, garbage and clamp switches of this slave
 */
public record ModbusUnit(int unit, RegisterMap map, Supplier<Map<String, Double>> values, DeviceFaults faults) {
    static final int ILLEGAL_FUNCTION = 1;
    static final int ILLEGAL_ADDRESS = 2;
    static final int ILLEGAL_VALUE = 3;

    public ModbusUnit {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(faults, "faults");
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("Modbus unit id must be 0-255, not " + unit);
        }
    }

    /** A meter: its state with the clamp fault applied when switched on. */
    public static ModbusUnit meter(int unit, RegisterMap map, Supplier<MeterState> state, DeviceFaults faults) {
        return new ModbusUnit(unit, map, () -> {
            MeterState s = state.get();
            return (faults.clampRemoved() ? s.withoutClamp() : s).fields();
        }, faults);
    }

    public static ModbusUnit dust(int unit, RegisterMap map, Supplier<DustState> state, DeviceFaults faults) {
        return new ModbusUnit(unit, map, () -> state.get().fields(), faults);
    }

    /**
     * The response PDU to a request PDU: registers for functions 03/04, an exception response
     * (function | 0x80, code) for another function, a bad quantity or an unmapped register.
     */
    public byte[] answer(byte[] pdu) {
        if (pdu.length < 1) {
            return exception(0, ILLEGAL_FUNCTION);
        }
        int fn = pdu[0] & 0xFF;
        RegisterFunction function = fn == 3 ? RegisterFunction.HOLDING : fn == 4 ? RegisterFunction.INPUT : null;
        if (function == null) {
            return exception(fn, ILLEGAL_FUNCTION);
        }
        if (pdu.length != 5) {
            return exception(fn, ILLEGAL_VALUE);
        }
        int address = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
        int count = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
        if (count < 1 || count > 125) {
            return exception(fn, ILLEGAL_VALUE);
        }
        Map<Integer, Integer> table = RegisterEncoder.encode(map, values.get()).getOrDefault(function, Map.of());
        byte[] out = new byte[2 + 2 * count];
        out[0] = (byte) fn;
        out[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            Integer w = table.get(address + i);
            if (w == null) {
                return exception(fn, ILLEGAL_ADDRESS);
            }
            out[2 + 2 * i] = (byte) (w >>> 8);
            out[3 + 2 * i] = (byte) (int) w;
        }
        return out;
    }

    static byte[] exception(int fn, int code) {
        return new byte[] {(byte) (fn | 0x80), (byte) code};
    }
}
