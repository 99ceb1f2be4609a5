package dev.lantian.hardware.i2c;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import dev.lantian.hardware.gpio.DigitalInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * {@link BoardIo} through Pi4J 2.x with providers named explicitly (no auto-detection, which would
 * pick whatever plugin happens to be on the class path). The Pi4J contexts are built lazily and
 * separately for I2C and GPIO, so a board that only has I2C never loads the gpiod native library.
 * {@link #withI2cProvider} puts any Pi4J I2C provider under the same adaptor (the simulator's virtual
 * chips), so what the drivers see passes through exactly the Pi4J calls a real board makes.
 */
public final class Pi4jBoardIo implements BoardIo {
    private final boolean mock;
    private final Path deviceDir;
    /** The I2C provider given to {@link #withI2cProvider}, else null (linuxfs or mock). */
    private final I2CProvider i2cProvider;
    private Context i2cContext;
    private Context gpioContext;
    private final Map<Integer, Pi4jBus> buses = new HashMap<>();

    private Pi4jBoardIo(boolean mock, Path deviceDir, I2CProvider i2cProvider) {
        this.mock = mock;
        this.deviceDir = deviceDir;
        this.i2cProvider = i2cProvider;
    }

    public static Pi4jBoardIo real() {
        return new Pi4jBoardIo(false, Path.of("/dev"), null);
    }

    /** A real board whose device files live elsewhere than {@code /dev} (tests of the "no bus" path). */
    public static Pi4jBoardIo real(Path deviceDir) {
        return new Pi4jBoardIo(false, deviceDir, null);
    }

    public static Pi4jBoardIo mock() {
        return new Pi4jBoardIo(true, Path.of("/dev"), null);
    }

    /**
     * A board whose I2C buses are served by {@code provider} (every bus number exists; which chips
     * answer is the provider's business) and whose GPIO is Pi4J's mock.
     */
    public static Pi4jBoardIo withI2cProvider(I2CProvider provider) {
        return new Pi4jBoardIo(true, Path.of("/dev"), java.util.Objects.requireNonNull(provider, "provider"));
    }

    @Override
    public synchronized I2cBus i2cBus(int bus) throws IOException {
        if (bus < 0) {
            throw new IOException("I2C bus number must not be negative, got " + bus);
        }
        if (!mock) {
            Path file = deviceDir.resolve("i2c-" + bus);
            if (!Files.exists(file)) {
                throw new IOException("no I2C bus " + file + " on this machine: is I2C enabled"
                        + " (raspi-config, or dtparam=i2c_arm=on in config.txt) and is the bus number right?");
            }
            if (!Files.isReadable(file) || !Files.isWritable(file)) {
                throw new IOException("no permission to use " + file + ": add the user to the i2c group");
            }
        }
        Pi4jBus existing = buses.get(bus);
        if (existing != null) {
            return existing;
        }
        Context context = pi4j(() -> i2cContext(), "start Pi4J for I2C");
        Pi4jBus opened = new Pi4jBus(context, bus, i2cProvider != null ? i2cProvider.id()
                : mock ? MockI2CProvider.ID : LinuxFsI2CProvider.ID);
        buses.put(bus, opened);
        return opened;
    }

    @Override
    public synchronized DigitalInput digitalInput(int pin, boolean pullUp) throws IOException {
        Context context = pi4j(() -> gpioContext(), "start Pi4J for GPIO");
        com.pi4j.io.gpio.digital.DigitalInput input = pi4j(() -> context.create(
                com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(context)
                        .id("gpio-in-" + pin).address(pin)
                        .pull(pullUp ? PullResistance.PULL_UP : PullResistance.OFF)
                        .provider(mock ? MockDigitalInputProvider.ID : GpioDDigitalInputProvider.ID)
                        .build()), "open GPIO line " + pin);
        return () -> {
            DigitalState state = pi4j(input::state, "read GPIO line " + pin);
            if (state == null || state == DigitalState.UNKNOWN) {
                throw new IOException("GPIO line " + pin + " reports an unknown state");
            }
            return state.isHigh();
        };
    }

    /** The Pi4J context behind I2C; tests of the mock path reach the mock chips through it. */
    synchronized Context i2cContext() {
        if (i2cContext == null) {
            i2cContext = Pi4J.newContextBuilder().noAutoDetect()
                    .add(i2cProvider != null ? i2cProvider
                            : mock ? MockI2CProvider.newInstance() : LinuxFsI2CProvider.newInstance())
                    .build();
        }
        return i2cContext;
    }

    /** The Pi4J context behind GPIO inputs. */
    synchronized Context gpioContext() {
        if (gpioContext == null) {
            gpioContext = Pi4J.newContextBuilder().noAutoDetect()
                    .add(mock ? MockDigitalInputProvider.newInstance() : GpioDDigitalInputProvider.newInstance())
                    .build();
        }
        return gpioContext;
    }

    @Override
    public synchronized void close() {
        for (Context c : new Context[] {i2cContext, gpioContext}) {
            if (c != null) {
                try {
                    c.shutdown();
                } catch (RuntimeException e) {
                    Logger.warn(e, "Pi4J shutdown failed");
                }
            }
        }
        i2cContext = null;
        gpioContext = null;
        buses.clear();
    }

    /** Pi4J reports I/O trouble with unchecked exceptions; the drivers expect {@link IOException}. */
    static <T> T pi4j(Supplier<T> call, String what) throws IOException {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("cannot " + what + ": " + reason, e);
        }
    }

    private static final class Pi4jBus implements I2cBus {
        private final Context context;
        private final int bus;
        private final String provider;
        private final Map<Integer, I2cDevice> devices = new HashMap<>();

        Pi4jBus(Context context, int bus, String provider) {
            this.context = context;
            this.bus = bus;
            this.provider = provider;
        }

        @Override
        public int number() {
            return bus;
        }

        @Override
        public synchronized I2cDevice device(int address) throws IOException {
            if (address < 0x03 || address > 0x77) {
                throw new IOException(String.format("I2C address 0x%02X is outside 0x03-0x77", address));
            }
            I2cDevice known = devices.get(address);
            if (known != null) {
                return known;
            }
            I2C i2c = pi4j(() -> context.create(I2C.newConfigBuilder(context)
                    .id(idOf(bus, address)).bus(bus).device(address).provider(provider).build()),
                    String.format("open I2C bus %d address 0x%02X", bus, address));
            I2cDevice device = new Pi4jI2cDevice(i2c, address);
            devices.put(address, device);
            return device;
        }

        @Override
        public void close() {
            // The context owns the Pi4J devices; BoardIo.close() shuts them down together.
        }
    }

    /** The Pi4J id given to the device at {@code address} on {@code bus}. */
    static String idOf(int bus, int address) {
        return String.format("i2c-%d-0x%02x", bus, address);
    }

    private static final class Pi4jI2cDevice implements I2cDevice {
        private final I2C i2c;
        private final int address;

        Pi4jI2cDevice(I2C i2c, int address) {
            this.i2c = i2c;
            this.address = address;
        }

        @Override
        public int address() {
            return address;
        }

        @Override
        public void write(byte[] data) throws IOException {
            int written = pi4j(() -> i2c.write(data, 0, data.length), "write to " + this);
            if (written != data.length) {
                throw new IOException("short write to " + this + ": " + written + " of " + data.length + " bytes");
            }
        }

        @Override
        public byte[] read(int count) throws IOException {
            byte[] buffer = new byte[count];
            int got = pi4j(() -> i2c.read(buffer, 0, count), "read from " + this);
            return complete(buffer, got);
        }

        @Override
        public byte[] writeRead(byte[] data, int count) throws IOException {
            byte[] buffer = new byte[count];
            int got = data.length == 1
                    ? pi4j(() -> i2c.readRegister(data[0] & 0xFF, buffer, 0, count), "read register of " + this)
                    : pi4j(() -> i2c.readRegister(data, buffer, 0, count), "read register of " + this);
            return complete(buffer, got);
        }

        private byte[] complete(byte[] buffer, int got) throws IOException {
            if (got != buffer.length) {
                throw new IOException("short read from " + this + ": " + Math.max(got, 0) + " of " + buffer.length + " bytes");
            }
            return buffer;
        }

        @Override
        public String toString() {
            return String.format("I2C 0x%02X", address);
        }
    }
}
