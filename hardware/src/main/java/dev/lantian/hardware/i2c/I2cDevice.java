package dev.lantian.hardware.i2c;

import java.io.IOException;

/**
 * One chip at one address on an I2C bus. The drivers speak only this, so a test can put a simulated
 * chip behind it and the agent never knows whether the bus is real.
 */
public interface I2cDevice {

    /** 7-bit address of the chip. */
    int address();

    /** One write transaction (start, address+W, the bytes, stop). */
    void write(byte[] data) throws IOException;

    /** One read transaction of exactly {@code count} bytes; a short read is an {@link IOException}. */
    byte[] read(int count) throws IOException;

    /**
     * Writes {@code data} then reads {@code count} bytes in one combined transaction (repeated start),
     * which register-pointer chips such as the BME280 and ADS1115 expect.
     */
    byte[] writeRead(byte[] data, int count) throws IOException;
}
