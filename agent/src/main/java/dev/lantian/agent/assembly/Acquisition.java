package dev.lantian.agent.assembly;

import dev.lantian.agent.acquire.DeviceCounters;
import dev.lantian.agent.acquire.DevicePolicy;
import dev.lantian.agent.acquire.Dlt645PollingDevice;
import dev.lantian.agent.acquire.DriverPollingDevice;
import dev.lantian.agent.acquire.LineScheduler;
import dev.lantian.agent.acquire.LineTiming;
import dev.lantian.agent.acquire.ModbusPollingDevice;
import dev.lantian.agent.acquire.PollingDevice;
import dev.lantian.agent.config.Bus;
import dev.lantian.agent.config.Channel;
import dev.lantian.agent.config.Device;
import dev.lantian.agent.config.DeviceType;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Client;
import dev.lantian.hardware.gpio.DryContact;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.i2c.I2cBus;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMapException;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.ads1115.Ads1115Config;
import dev.lantian.hardware.sensor.ads1115.Ads1115CurrentClamp;
import dev.lantian.hardware.sensor.ads1115.CurrentClamp;
import dev.lantian.hardware.sensor.bme280.Bme280;
import dev.lantian.hardware.sensor.pms.PmsSensor;
import dev.lantian.hardware.sensor.pms.PmsSettings;
import dev.lantian.hardware.sensor.sds.SdsSensor;
import dev.lantian.hardware.sensor.sds.SdsSettings;
import dev.lantian.hardware.sensor.sgp40.Sgp40;
import dev.lantian.hardware.sensor.sps30.Sps30;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the board's acquisition from the site configuration: one {@link LineScheduler} (one thread,
 * one request on the wire at a time) per configured bus, whatever kind of device sits on it, all
 * handing their reading sets to one sink.
 */
public final class Acquisition implements AutoCloseable {
    private static final Set<DeviceType> FIELDBUS = Set.of(DeviceType.MODBUS, DeviceType.DLT645);
    private static final Set<DeviceType> UART = Set.of(DeviceType.PMS5003, DeviceType.PMS7003, DeviceType.SDS011);

    private final List<LineScheduler> lines;
    private final List<AutoCloseable> resources;

    private Acquisition(List<LineScheduler> lines, List<AutoCloseable> resources) {
        this.lines = List.copyOf(lines);
        this.resources = List.copyOf(resources);
    }

    /**
     * Opens every bus of {@code config}. A bus that cannot be built (a register map that does not
     * load, protocols mixed on one serial line) is a configuration error and stops the build; a bus
     * whose port is merely absent is built anyway, and its devices report {@code B} until it appears.
     */
    public static Acquisition build(SiteConfig config, BoardClock clock, BoardIo io, Consumer<ReadingSet> sink)
            throws IOException {
        return build(config, clock, io, BusLinks.REAL, sink);
    }

    /** As {@link #build(SiteConfig, BoardClock, BoardIo, Consumer)}, reaching serial ports and sockets through {@code links}. */
    public static Acquisition build(SiteConfig config, BoardClock clock, BoardIo io, BusLinks links,
                                    Consumer<ReadingSet> sink) throws IOException {
        Path configDir = config.source() == null || config.source().getParent() == null
                ? Path.of(".") : config.source().getParent();
        Function<Device, RegisterMap> maps = d -> registerMap(d, configDir, fieldsRead(config, d.id()));
        List<LineScheduler> lines = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            for (Bus bus : config.buses()) {
                List<Device> devices = config.devices().stream().filter(d -> d.bus().equals(bus.id())).toList();
                if (devices.isEmpty()) {
                    continue;
                }
                List<PollingDevice> polled = new ArrayList<>();
                LineTiming timing = LineTiming.none();
                if (bus instanceof Bus.Serial serial) {
                    timing = serialLine(serial, devices, clock, links, maps, polled, resources);
                } else if (bus instanceof Bus.ModbusTcp tcp) {
                    ModbusLink link = links.modbusTcp(tcp, longestTimeout(devices));
                    resources.add(link);
                    addModbus(devices, link, maps, polled);
                } else if (bus instanceof Bus.RtuOverTcp tcp) {
                    rtuOverTcp(tcp, devices, links, maps, polled, resources);
                } else if (bus instanceof Bus.I2c i2c) {
                    I2cBus i2cBus = io.i2cBus(i2c.bus());
                    resources.add(i2cBus);
                    for (Device d : devices) {
                        polled.add(new DriverPollingDevice(i2cDriver(d, i2cBus, clock), d.pollPeriod(), policy(d)));
                    }
                } else if (bus instanceof Bus.Gpio) {
                    for (Device d : devices) {
                        Device.DryContact dc = (Device.DryContact) d.options();
                        DryContact contact = new DryContact(d.id(), io.digitalInput(dc.pin(), dc.activeLow()),
                                clock, dc.activeLow(), dc.debounce());
                        polled.add(new DriverPollingDevice(contact, d.pollPeriod(), policy(d)));
                    }
                }
                lines.add(new LineScheduler(bus.id(), clock, timing, polled, sink));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
        return new Acquisition(lines, resources);
    }

    private static LineTiming serialLine(Bus.Serial bus, List<Device> devices, BoardClock clock, BusLinks links,
                                         Function<Device, RegisterMap> maps,
                                         List<PollingDevice> polled, List<AutoCloseable> resources) throws IOException {
        Set<String> protocols = devices.stream().map(d -> protocolOf(d.type())).collect(Collectors.toSet());
        if (protocols.size() > 1 || (protocols.contains("uart") && devices.size() > 1)) {
            throw new IllegalArgumentException("bus " + bus.id() + " (" + bus.port() + "): one serial line carries "
                    + "either Modbus meters, or DL/T 645 meters, or one UART sensor; found "
                    + devices.stream().map(d -> d.id() + " (" + d.type().yamlName() + ")").toList());
        }
        SerialSettings framing = new SerialSettings(bus.baud(), bus.dataBits(),
                SerialSettings.Parity.valueOf(bus.parity().name()), bus.stopBits());
        Device first = devices.get(0);
        if (first.type() == DeviceType.MODBUS) {
            ModbusLink link = links.modbusRtu(bus, framing, longestTimeout(devices));
            resources.add(link);
            addModbus(devices, link, maps, polled);
        } else if (first.type() == DeviceType.DLT645) {
            addDlt645(devices, new Dlt645Client(links.dlt645Serial(bus, framing), raw -> { }), polled);
        } else {
            var settings = new dev.lantian.hardware.serial.SerialSettings(bus.port(), bus.baud(), bus.dataBits(),
                    dev.lantian.hardware.serial.SerialSettings.Parity.valueOf(bus.parity().name()), bus.stopBits(),
                    first.timeout());
            ByteLink link = links.uart(bus, settings, clock);
            PolledDevice sensor = switch (first.type()) {
                case PMS5003, PMS7003 -> new PmsSensor(first.id(), link, PmsSettings.defaults().withWarmup(first.warmup()), clock);
                case SDS011 -> new SdsSensor(first.id(), link, SdsSettings.defaults().withWarmup(first.warmup()), clock);
                default -> throw new IllegalArgumentException(first.type().yamlName() + " is not a UART sensor");
            };
            resources.add((AutoCloseable) sensor);
            polled.add(new DriverPollingDevice(sensor, first.pollPeriod(), policy(first)));
        }
        return LineTiming.serial(framing);
    }

    private static void rtuOverTcp(Bus.RtuOverTcp tcp, List<Device> devices, BusLinks links, Function<Device, RegisterMap> maps,
                                   List<PollingDevice> polled, List<AutoCloseable> resources) throws IOException {
        if (devices.stream().anyMatch(d -> d.type() == DeviceType.DLT645)) {
            Dlt645Client client = new Dlt645Client(links.dlt645Tcp(tcp, longestTimeout(devices)), raw -> { });
            addDlt645(devices, client, polled);
        } else {
            ModbusLink link = links.modbusRtuOverTcp(tcp, longestTimeout(devices));
            resources.add(link);
            addModbus(devices, link, maps, polled);
        }
    }

    private static String protocolOf(DeviceType type) {
        return FIELDBUS.contains(type) ? type.yamlName() : UART.contains(type) ? "uart" : type.yamlName();
    }

    private static void addModbus(List<Device> devices, ModbusLink link, Function<Device, RegisterMap> maps,
                                  List<PollingDevice> polled) {
        for (Device d : devices) {
            Device.Modbus m = (Device.Modbus) d.options();
            polled.add(new ModbusPollingDevice(d.id(), m.unit(), maps.apply(d), Map.of(), d.pollPeriod(), policy(d), link));
        }
    }

    /** The device's register map, narrowed to the fields the site's channels read from it. */
    private static RegisterMap registerMap(Device d, Path configDir, Set<String> fields) {
        String name = ((Device.Modbus) d.options()).registerMap();
        try {
            return RegisterMaps.resolve(name, configDir).only(fields);
        } catch (RegisterMapException | IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + d.id() + ": register map " + name + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> fieldsRead(SiteConfig config, String device) {
        return config.channels().stream().map(Channel::source).filter(s -> s.device().equals(device))
                .map(Channel.Source::field).collect(Collectors.toSet());
    }

    private static void addDlt645(List<Device> devices, Dlt645Client client, List<PollingDevice> polled) {
        for (Device d : devices) {
            Device.Dlt645 meter = (Device.Dlt645) d.options();
            polled.add(new Dlt645PollingDevice(d.id(), Dlt645Address.parse(meter.address()), Dlt645PollingDevice.ALL,
                    d.pollPeriod(), policy(d), client));
        }
    }

    private static PolledDevice i2cDriver(Device d, I2cBus bus, BoardClock clock) throws IOException {
        return switch (d.type()) {
            case SPS30 -> new Sps30(d.id(), bus.device(((Device.I2c) d.options()).address()), clock);
            case SGP40 -> new Sgp40(d.id(), bus.device(((Device.I2c) d.options()).address()), clock);
            case BME280 -> new Bme280(d.id(), bus.device(((Device.I2c) d.options()).address()), clock);
            case ADS1115 -> {
                Device.Ads1115 a = (Device.Ads1115) d.options();
                CurrentClamp clamp = a.burdenOhms().isPresent()
                        ? new CurrentClamp.CurrentOutput(a.ctRatio(), a.burdenOhms().getAsDouble())
                        : new CurrentClamp.VoltageOutput(a.ctRatio());
                yield new Ads1115CurrentClamp(d.id(), bus.device(a.address()), clock,
                        Ads1115Config.defaults(a.input()), clamp);
            }
            default -> throw new IllegalArgumentException(d.type().yamlName() + " is not an I2C device");
        };
    }

    private static DevicePolicy policy(Device d) {
        DevicePolicy defaults = DevicePolicy.defaults();
        return new DevicePolicy(d.timeout(), d.retries(), defaults.isolateAfter(), defaults.backoffMax());
    }

    private static Duration longestTimeout(List<Device> devices) {
        return devices.stream().map(Device::timeout).max(Duration::compareTo).orElse(Duration.ofSeconds(1));
    }

    public void start() {
        lines.forEach(LineScheduler::start);
    }

    /**
     * Virtual-time runs only: polls every line, one after another in the calling thread, until the
     * clock reaches {@code end}. Lines share one clock, so call it in small steps (a second) to keep
     * their polls interleaved.
     */
    public void runUntil(java.time.Instant end) throws InterruptedException {
        for (LineScheduler line : lines) {
            line.runUntil(end);
        }
    }

    /** Every device's counters, line by line, for the heartbeat and the console. */
    public List<DeviceCounters> counters() {
        return lines.stream().flatMap(l -> l.counters().stream()).toList();
    }

    @Override
    public void close() {
        for (LineScheduler line : lines) {
            try {
                line.stop(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                org.tinylog.Logger.warn("closing {}: {}", r, e.getMessage());
            }
        }
    }
}
