package dev.lantian.hardware.i2c;

import java.io.IOException;

/**
 * An in-memory chip with a 256-byte register file and an auto-incrementing register pointer, the
 * shape of the BME280 and most register-pointer chips: a write sets the pointer from its first byte
 * and stores the rest; a read returns bytes from the pointer on. Used to test drivers and the probe
 * without a board; {@link #unplug()} makes it answer every transaction with an I/O error.
 */
public class RegisterFileI2cDevice implements I2cDevice {
    private final int address;
    private final byte[] registers = new byte[256];
    private int pointer;
    private volatile boolean unplugged;

    public RegisterFileI2cDevice(int address) {
        this.address = address;
    }

    /** Loads register contents from {@code start} on, as the chip would hold them. */
    public synchronized RegisterFileI2cDevice load(int start, byte... values) {
        System.arraycopy(values, 0, registers, start, values.length);
        return this;
    }

    public synchronized int register(int index) {
        return registers[index] & 0xFF;
    }

    /** From now on every transaction fails, as a chip pulled off the bus would (no ACK). */
    public void unplug() {
        unplugged = true;
    }

    public void plugIn() {
        unplugged = false;
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        checkPresent();
        if (data.length == 0) {
            return;
        }
        pointer = data[0] & 0xFF;
        for (int i = 1; i < data.length; i++) {
            registers[pointer] = data[i];
            onRegisterWritten(pointer, data[i] & 0xFF);
            pointer = (pointer + 1) & 0xFF;
        }
    }

    @Override
    public synchronized byte[] read(int count) throws IOException {
        checkPresent();
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = registers[pointer];
            pointer = (pointer + 1) & 0xFF;
        }
        return out;
    }

    @Override
    public synchronized byte[] writeRead(byte[] data, int count) throws IOException {
        write(data);
        return read(count);
    }

    /** Hook for subclasses that simulate a chip reacting to a register write. */
    protected void onRegisterWritten(int register, int value) {
    }

    private void checkPresent() throws IOException {
        if (unplugged) {
            throw new IOException(String.format("no ACK from 0x%02X", address));
        }
    }
}
