package dev.lantian.hardware.i2c;

import dev.lantian.hardware.gpio.DigitalInput;
import java.io.IOException;
import java.util.Locale;

/**
 * The board's buses, opened once at start-up from the configured provider. Everything above this
 * (drivers, acquisition, probe) sees only {@link I2cBus} and {@link DigitalInput}, never whether the
 * bus is a real {@code /dev/i2c-1} or Pi4J's mock.
 */
public interface BoardIo extends AutoCloseable {

    /** Provider id for the real board: Pi4J linuxfs for I2C, gpiod for digital inputs. */
    String REAL = "real";
    /** Provider id for Pi4J's mock plugin (any PC; for tests and demonstrations). */
    String MOCK = "mock";

    /** Opens {@code /dev/i2c-N}; a clear {@link IOException} when the machine has no such bus. */
    I2cBus i2cBus(int bus) throws IOException;

    /** A GPIO input by its line number on the board's GPIO chip (BCM numbering on a Pi). */
    DigitalInput digitalInput(int pin, boolean pullUp) throws IOException;

    @Override
    void close();

    /** The board for a provider id, {@link #REAL} or {@link #MOCK}. */
    static BoardIo open(String provider) {
        return switch (provider.toLowerCase(Locale.ROOT)) {
            case REAL -> Pi4jBoardIo.real();
            case MOCK -> Pi4jBoardIo.mock();
            default -> throw new IllegalArgumentException("unknown board provider '" + provider + "' (real, mock)");
        };
    }
}
