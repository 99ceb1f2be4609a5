package dev.lantian.hardware.meter;

import dev.lantian.hardware.modbus.RegisterFunction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A transformer ratio (CT, PT) that integer panel meters multiply their secondary-side readings by.
 * It is read from the meter's own register when the map names one, else taken from
 * {@code defaultValue}; a site can override it per device (the ratio printed on the transformer).
 *
 * @param name         how entries refer to it ({@code ct}, {@code pt})
 * @param register     where the meter keeps it, if it does
 * @param defaultValue the value when neither a register nor an override gives one
 */
public record Ratio(String name, Optional<RegisterEntry> register, OptionalDouble defaultValue) {
    public Ratio {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /** A ratio kept in a register of the meter. */
    public static Ratio inRegister(String name, RegisterFunction function, int address, RegisterType type, double scale,
                                   OptionalDouble defaultValue) {
        return new Ratio(name, Optional.of(new RegisterEntry("ratio:" + name, function, address, type,
                Endianness.BIG, Endianness.BIG, scale, 0, "", false, java.util.List.of())), defaultValue);
    }
}
