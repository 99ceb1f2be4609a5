package dev.lantian.simulator.device;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import dev.lantian.hardware.i2c.I2cDevice;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J I2C provider built on Pi4J's mock plugin whose buses carry the simulator's virtual chips:
 * every transaction an {@link I2C} made by it sees (write, read, register read/write, combined
 * write-read) is handed to the chip {@link #attach attached} at its bus and address, so the agent's
 * own Pi4J adaptor ({@code Pi4jBoardIo}) is on the path exactly as on a board. The mock plugin's own
 * I2C only stores the bytes written and cannot answer a command, hence the override.
 *
 * <p>The chips keep implementing the agent's {@link I2cDevice}: it is exactly one I2C transaction per
 * call (write; read; write then read under a repeated start), it is what the chip's datasheet
 * describes, and it keeps Pi4J in this one class. A transaction to an address with no chip fails
 * as on a real bus with nothing there (no ACK): a Pi4J {@code IOException}, never zeros. The chip is
 * looked up on every transaction, so one attached after the agent opened the address answers too.
 */
public final class SimI2cProvider extends MockI2CProviderImpl {
    /** The Pi4J provider id. */
    public static final String ID = "lantian-sim-i2c";

    private final Map<Long, I2cDevice> chips = new ConcurrentHashMap<>();

    public SimI2cProvider() {
        this.id = ID;
        this.name = "Lantian simulator I2C (virtual chips on Pi4J's mock plugin)";
    }

    /** Puts {@code chip} on {@code bus} at its own address; a second chip at that place is an error. */
    public SimI2cProvider attach(int bus, I2cDevice chip) {
        I2cDevice before = chips.putIfAbsent(key(bus, chip.address()), chip);
        if (before != null) {
            throw new IllegalArgumentException(String.format("I2C bus %d already has a chip at 0x%02X", bus, chip.address()));
        }
        return this;
    }

    /** The chip at {@code address} on {@code bus}, if one is attached. */
    public Optional<I2cDevice> chip(int bus, int address) {
        return Optional.ofNullable(chips.get(key(bus, address)));
    }

    @Override
    public I2C create(I2CConfig config) {
        SimI2c i2c = new SimI2c(this, config, () -> chip(config.bus(), config.device()));
        context.registry().add(i2c);
        return i2c;
    }

    private static long key(int bus, int address) {
        return ((long) bus << 8) | (address & 0xFF);
    }
}
