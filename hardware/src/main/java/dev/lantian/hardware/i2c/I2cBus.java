package dev.lantian.hardware.i2c;

import java.io.IOException;

/** An opened I2C bus (e.g. {@code /dev/i2c-1}); hands out devices by address. */
public interface I2cBus extends AutoCloseable {

    int number();

    /** The chip at {@code address} (0x03-0x77); no traffic happens until the driver speaks. */
    I2cDevice device(int address) throws IOException;

    @Override
    void close();
}
