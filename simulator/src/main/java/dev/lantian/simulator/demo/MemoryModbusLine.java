package dev.lantian.simulator.demo;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.simulator.device.ModbusUnit;

import java.time.Duration;
import java.util.List;

/**
 * A Modbus line in memory: the request PDU goes straight to the simulator's {@link ModbusUnit}
 * that would have answered on the wire, with its faults (silent: timeout, garbage: checksum error).
 * A compressed plant day polls some hundred thousand times; over loopback TCP that alone takes
 * minutes, in memory microseconds.
 */
final class MemoryModbusLine implements ModbusLink {
    private final String name;
    private final List<ModbusUnit> units;

    MemoryModbusLine(String name, List<ModbusUnit> units) {
        this.name = name;
        this.units = List.copyOf(units);
    }

    @Override
    public int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
            throws FieldbusException {
        ModbusUnit slave = units.stream().filter(u -> u.unit() == unit).findFirst()
                .orElseThrow(() -> new FieldbusException(FieldbusException.Kind.TIMEOUT, name + ": no unit " + unit));
        if (slave.faults().silent()) {
            throw new FieldbusException(FieldbusException.Kind.TIMEOUT, name + ": unit " + unit + " silent");
        }
        if (slave.faults().garbage()) {
            throw new FieldbusException(FieldbusException.Kind.CHECKSUM, name + ": unit " + unit + " sent garbage");
        }
        int fn = function == RegisterFunction.HOLDING ? 3 : 4;
        byte[] answer = slave.answer(new byte[] {(byte) fn, (byte) (address >>> 8), (byte) address,
                (byte) (count >>> 8), (byte) count});
        if ((answer[0] & 0x80) != 0) {
            throw new FieldbusException(FieldbusException.Kind.DEVICE_ERROR,
                    name + ": unit " + unit + " exception " + (answer.length > 1 ? answer[1] & 0xFF : -1));
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = ((answer[2 + 2 * i] & 0xFF) << 8) | (answer[3 + 2 * i] & 0xFF);
        }
        return words;
    }

    @Override
    public void close() {
    }
}
