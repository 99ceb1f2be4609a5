package dev.lantian.hardware.meter;

import dev.lantian.hardware.modbus.RegisterFunction;

/**
 * One Modbus read request: {@code count} registers of one table from {@code address}.
 */
public record ReadBlock(RegisterFunction function, int address, int count) {
    /** The Modbus limit for one read of registers (function 03/04). */
    public static final int MAX_REGISTERS = 125;

    public ReadBlock {
        if (count < 1 || count > MAX_REGISTERS || address < 0 || address + count > 0x10000) {
            throw new IllegalArgumentException("bad read block " + function + " " + address + "+" + count);
        }
    }

    public int end() {
        return address + count;
    }
}
