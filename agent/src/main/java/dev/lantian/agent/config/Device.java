package dev.lantian.agent.config;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * {@code devices[]}: one sensor or meter. The keys every device has are fields here; those that
 * depend on the type are in {@link #options()}.
 */
public record Device(String id, DeviceType type, String bus, Duration pollPeriod, Duration timeout, int retries,
                     Duration warmup, Options options) {

    /** Type-specific settings. */
    public sealed interface Options {
    }

    /** pms5003, pms7003, sds011: nothing beyond the common keys. */
    public record NoOptions() implements Options {
    }

    /** {@code modbus}: unit id and register map (a shipped name, or a file path when {@link #isFile()}). */
    public record Modbus(int unit, String registerMap) implements Options {
        public boolean isFile() {
            return FieldCatalog.isFile(registerMap);
        }
    }

    /** {@code dlt645}: the 12-digit meter address as on the nameplate. */
    public record Dlt645(String address) implements Options {
    }

    /** sgp40, bme280, sps30: the chip's I2C address (sps30 uses it only on an I2C bus). */
    public record I2c(int address) implements Options {
    }

    /**
     * {@code ads1115}: current clamp on ADC {@code input}. With a burden resistor the clamp ratio is
     * primary/secondary amps, without it amps per volt.
     */
    public record Ads1115(int address, int input, double ctRatio, OptionalDouble burdenOhms) implements Options {
    }

    /** {@code dry-contact}: GPIO line of a run relay. */
    public record DryContact(int pin, boolean activeLow, Duration debounce) implements Options {
    }
}
