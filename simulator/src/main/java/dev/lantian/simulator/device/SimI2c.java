package dev.lantian.simulator.device;

import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import dev.lantian.hardware.i2c.I2cDevice;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One Pi4J I2C device of {@link SimI2cProvider}: Pi4J's mock I2C with every data method turned into
 * one transaction on the virtual chip at its bus and address. A register read is a write of the
 * register number then a read under a repeated start; a register write is one write of the register
 * number followed by the data, as a register-pointer chip (BME280) sees them on the wire.
 */
final class SimI2c extends MockI2C {
    private final Supplier<Optional<I2cDevice>> chip;

    SimI2c(I2CProvider provider, I2CConfig config, Supplier<Optional<I2cDevice>> chip) {
        super(provider, config);
        this.chip = chip;
    }

    @Override
    public int write(byte b) {
        return write(new byte[] {b}, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        transaction(c -> {
            c.write(Arrays.copyOfRange(data, offset, offset + length));
            return null;
        });
        return length;
    }

    @Override
    public int write(Charset charset, CharSequence text) {
        byte[] bytes = text.toString().getBytes(charset);
        return write(bytes, 0, bytes.length);
    }

    @Override
    public int read() {
        return transaction(c -> c.read(1))[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return copy(transaction(c -> c.read(length)), buffer, offset);
    }

    @Override
    public String readString(Charset charset, int length) {
        return new String(transaction(c -> c.read(length)), charset);
    }

    @Override
    public int writeRead(byte[] out, int outLength, int outOffset, byte[] in, int inLength, int inOffset) {
        byte[] request = Arrays.copyOfRange(out, outOffset, outOffset + outLength);
        return copy(transaction(c -> c.writeRead(request, inLength)), in, inOffset);
    }

    @Override
    public int writeRegister(int register, byte b) {
        return writeRegister(new byte[] {(byte) register}, new byte[] {b}, 0, 1);
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        return writeRegister(new byte[] {(byte) register}, data, offset, length);
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        byte[] frame = Arrays.copyOf(register, register.length + length);
        System.arraycopy(data, offset, frame, register.length, length);
        write(frame, 0, frame.length);
        return length;
    }

    @Override
    public int writeRegister(int register, Charset charset, CharSequence text) {
        byte[] bytes = text.toString().getBytes(charset);
        return writeRegister(register, bytes, 0, bytes.length);
    }

    @Override
    public int readRegister(int register) {
        return transaction(c -> c.writeRead(new byte[] {(byte) register}, 1))[0] & 0xFF;
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        return readRegister(new byte[] {(byte) register}, buffer, offset, length);
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        byte[] request = register.clone();
        return copy(transaction(c -> c.writeRead(request, length)), buffer, offset);
    }

    @Override
    public String readRegisterString(int register, Charset charset, int length) {
        return new String(transaction(c -> c.writeRead(new byte[] {(byte) register}, length)), charset);
    }

    private static int copy(byte[] from, byte[] to, int offset) {
        System.arraycopy(from, 0, to, offset, from.length);
        return from.length;
    }

    private interface Transaction<T> {
        T on(I2cDevice chip) throws java.io.IOException;
    }

    /** Runs one transaction on the chip; no chip, or a chip that does not answer, is a bus error (no ACK). */
    private <T> T transaction(Transaction<T> t) {
        I2cDevice c = chip.get().orElseThrow(() -> new com.pi4j.io.exception.IOException(String.format(
                "no ACK from 0x%02X on I2C bus %d: no chip at that address", device(), bus())));
        try {
            return t.on(c);
        } catch (java.io.IOException e) {
            throw new com.pi4j.io.exception.IOException(e.getMessage(), e);
        }
    }
}
