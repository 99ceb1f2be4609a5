package dev.lantian.simulator.plant;

import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.Pi4jBoardIo;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.device.DeviceFaults;
import dev.lantian.simulator.device.LinkPump;
import dev.lantian.simulator.device.MemoryEndpoint;
import dev.lantian.simulator.device.ModbusRtuSlave;
import dev.lantian.simulator.device.ModbusTcpSlave;
import dev.lantian.simulator.device.ModbusUnit;
import dev.lantian.simulator.device.PtyPort;
import dev.lantian.simulator.device.SimI2cProvider;
import dev.lantian.simulator.device.VirtualBme280;
import dev.lantian.simulator.device.VirtualDlt645Meter;
import dev.lantian.simulator.device.VirtualPms5003;
import dev.lantian.simulator.device.VirtualSds011;
import dev.lantian.simulator.device.VirtualSgp40;
import dev.lantian.simulator.device.VirtualSps30;
import dev.lantian.simulator.device.WireDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tinylog.Logger;

/**
 * A scenario's devices, fed by a {@link Plant} and put on real ports: serial devices on socat pty
 * pairs (Modbus RTU slaves of one {@code line} share one pty), Modbus TCP meters on loopback ports.
 * Without socat, Modbus RTU lines become Modbus TCP gateways and the other serial devices in-process
 * {@link MemoryEndpoint}s, and {@link #notices()} says so. I2C chips (SPS30, SGP40, BME280) are always
 * in-process, on Pi4J buses of {@link #boardIo()}. {@link #tick()} applies the plant's
 * incident faults to the devices and feeds the in-process streams.
 */
public final class VirtualSite implements AutoCloseable {

    /**
     * @param usePty     put serial devices on pty pairs (needs socat)
     * @param ptyDir     where the pty links are made
     * @param agentClock the clock in-process links wait on (the agent's, when it shares the JVM)
     */
    public record Options(boolean usePty, Path ptyDir, BoardClock agentClock) {
    }

    private final Plant plant;
    private final Map<String, PortsFile.Entry> entries = new TreeMap<>();
    private final Map<String, DeviceFaults> faults = new LinkedHashMap<>();
    private final Map<String, MemoryEndpoint> memory = new LinkedHashMap<>();
    private final Map<String, LinkPump> pumps = new LinkedHashMap<>();
    private final SimI2cProvider i2c = new SimI2cProvider();
    private BoardIo boardIo;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final boolean pty;
    private final Options options;
    private long seed;

    private VirtualSite(Plant plant, Options options, boolean pty) {
        this.plant = plant;
        this.options = options;
        this.pty = pty;
        this.seed = plant.scenario().seed();
    }

    public static VirtualSite start(Plant plant, Options options) throws IOException {
        boolean pty = options.usePty() && PtyPair.findSocat().isPresent();
        VirtualSite site = new VirtualSite(plant, options, pty);
        if (options.usePty() && !pty) {
            site.notices.add(PtyPair.SOCAT_MISSING + ". Falling back: Modbus RTU lines are served as Modbus TCP, "
                    + "the other serial devices (PMS5003, SDS011, DL/T 645) run in-process only, usable by an agent in this JVM.");
        }
        try {
            site.build();
        } catch (IOException | RuntimeException e) {
            site.close();
            throw e;
        }
        return site;
    }

    private void build() throws IOException {
        Scenario s = plant.scenario();
        Map<String, List<ModbusUnit>> rtuLines = new LinkedHashMap<>();
        Map<String, List<String>> lineDevices = new LinkedHashMap<>();
        for (Scenario.Meter m : s.meters()) {
            DeviceFaults f = new DeviceFaults();
            faults.put(m.id(), f);
            switch (m.protocol()) {
                case MODBUS_RTU -> {
                    rtuLines.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(ModbusUnit.meter(m.unit(), map(m.registerMap()),
                            () -> plant.meter(m.id()), f));
                    lineDevices.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(m.id());
                }
                case MODBUS_TCP -> {
                    ModbusTcpSlave slave = new ModbusTcpSlave(m.id(), List.of(ModbusUnit.meter(m.unit(), map(m.registerMap()),
                            () -> plant.meter(m.id()), f)), 0, seed++);
                    resources.add(slave);
                    entries.put(m.id(), new PortsFile.Entry(PortsFile.Kind.tcp, null, slave.host(), slave.port(), "modbus-tcp",
                            m.unit(), null, null));
                }
                case DLT645 -> {
                    VirtualDlt645Meter meter = new VirtualDlt645Meter(m.id(), new Dlt645Address(m.address()),
                            () -> plant.meter(m.id()), seed++);
                    faults.put(m.id(), meter.faults());
                    serial(m.id(), meter, "dlt645", null, m.address(), null);
                }
                default -> throw new IllegalStateException("a meter does not speak " + m.protocol());
            }
        }
        for (Scenario.Sensor sensor : s.sensors()) {
            switch (sensor.kind()) {
                case PMS5003 -> {
                    VirtualPms5003 d = new VirtualPms5003(sensor.id(), () -> plant.dust(sensor.id()), seed++);
                    faults.put(sensor.id(), d.faults());
                    serial(sensor.id(), d, "pms5003", null, null, null);
                }
                case SDS011 -> {
                    VirtualSds011 d = new VirtualSds011(sensor.id(), () -> plant.dust(sensor.id()), 0x1000 + faults.size(), seed++);
                    faults.put(sensor.id(), d.faults());
                    serial(sensor.id(), d, "sds011", null, null, null);
                }
                case DUST_MONITOR, VOC_ANALYSER -> {
                    DeviceFaults f = new DeviceFaults();
                    faults.put(sensor.id(), f);
                    ModbusUnit unit = sensor.kind() == Scenario.SensorKind.DUST_MONITOR
                            ? ModbusUnit.dust(sensor.unit(), map(sensor.registerMap()), () -> plant.dust(sensor.id()), f)
                            : new ModbusUnit(sensor.unit(), map(sensor.registerMap()), () -> plant.voc(sensor.id()), f);
                    rtuLines.computeIfAbsent(sensor.line(), k -> new ArrayList<>()).add(unit);
                    lineDevices.computeIfAbsent(sensor.line(), k -> new ArrayList<>()).add(sensor.id());
                }
                case SPS30, SGP40, BME280 -> chip(sensor);
            }
        }
        for (Map.Entry<String, List<ModbusUnit>> line : rtuLines.entrySet()) {
            List<ModbusUnit> units = line.getValue();
            List<String> ids = lineDevices.get(line.getKey());
            if (pty) {
                serial(line.getKey(), new ModbusRtuSlave(line.getKey(), units, seed++), "modbus-rtu", null, null, line.getKey());
                PortsFile.Entry lineEntry = entries.remove(line.getKey());
                for (int i = 0; i < ids.size(); i++) {
                    entries.put(ids.get(i), new PortsFile.Entry(lineEntry.kind(), lineEntry.path(), null, null, "modbus-rtu",
                            units.get(i).unit(), null, line.getKey()));
                }
            } else {
                ModbusTcpSlave gateway = new ModbusTcpSlave(line.getKey(), units, 0, seed++);
                resources.add(gateway);
                for (int i = 0; i < ids.size(); i++) {
                    entries.put(ids.get(i), new PortsFile.Entry(PortsFile.Kind.tcp, null, gateway.host(), gateway.port(),
                            "modbus-tcp", units.get(i).unit(), null, line.getKey()));
                }
            }
        }
    }

    /** Puts an I2C chip on the site's simulated bus, where {@link #boardIo()} reaches it through Pi4J. */
    private void chip(Scenario.Sensor sensor) {
        String id = sensor.id();
        I2cDevice chip;
        DeviceFaults f;
        switch (sensor.kind()) {
            case SPS30 -> {
                VirtualSps30 c = new VirtualSps30(() -> plant.dust(id));
                chip = c;
                f = c.faults();
            }
            case SGP40 -> {
                VirtualSgp40 c = new VirtualSgp40(() -> plant.voc(id).get("tvoc"));
                chip = c;
                f = c.faults();
            }
            default -> {
                VirtualBme280 c = new VirtualBme280(sensor.address(), () -> plant.weather(id));
                chip = c;
                f = c.faults();
            }
        }
        i2c.attach(sensor.bus(), chip);
        faults.put(id, f);
        entries.put(id, PortsFile.Entry.i2c("i2c-" + sensor.kind().name().toLowerCase(java.util.Locale.ROOT),
                sensor.bus(), chip.address()));
    }

    private void serial(String id, WireDevice device, String protocol, Integer unit, String address, String line)
            throws IOException {
        if (!pty) {
            memory.put(id, new MemoryEndpoint(device, options.agentClock(), plant::now));
            entries.put(id, new PortsFile.Entry(PortsFile.Kind.memory, null, null, null, protocol, unit, address, line));
            return;
        }
        Files.createDirectories(options.ptyDir());
        Path agentEnd = options.ptyDir().resolve(id);
        PtyPair pair = PtyPair.start(options.ptyDir().resolve("." + id + ".device"), agentEnd);
        resources.add(pair);
        // A pty ignores line settings; the baud rate is the device's own, for logs and for honesty.
        PtyPort port = PtyPort.open(pair.a().toString(), protocol.equals("dlt645") ? 2400 : 9600);
        LinkPump pump = new LinkPump(port, device, plant::now);
        pumps.put(id, pump);
        resources.add(0, pump);
        entries.put(id, new PortsFile.Entry(PortsFile.Kind.pty, agentEnd.toAbsolutePath().toString(), null, null, protocol,
                unit, address, line));
    }

    private static RegisterMap map(String name) {
        return RegisterMaps.shipped(name).orElseThrow(() -> new IllegalArgumentException("no shipped register map " + name));
    }

    /** Applies the incidents in force (garbage, clamp) to the devices and feeds in-process streams. */
    public void tick() {
        faults.forEach((id, f) -> {
            f.set(plant.garbage(id) ? DeviceFaults.Mode.GARBAGE : DeviceFaults.Mode.NORMAL);
            f.removeClamp(plant.clampRemoved(id));
        });
        memory.values().forEach(MemoryEndpoint::tick);
        pumps.values().forEach(LinkPump::tick);
    }

    public PortsFile ports(double speed) {
        return new PortsFile(plant.scenario().name(), plant.scenario().start().toString(), speed, entries);
    }

    /** The fault switches of a device, for tests and the demo. */
    public DeviceFaults faults(String deviceId) {
        return Optional.ofNullable(faults.get(deviceId)).orElseThrow(() -> new IllegalArgumentException("no device " + deviceId));
    }

    /** The in-process endpoint of a serial device when running without ptys. */
    public Optional<MemoryEndpoint> memory(String deviceId) {
        return Optional.ofNullable(memory.get(deviceId));
    }

    /**
     * The pump of a device (or Modbus RTU line) on a pty, by the id the ports file gives it, so an
     * agent in this JVM can see whether bytes are still on their way ({@link LinkPump#traffic()}).
     */
    public Optional<LinkPump> pump(String id) {
        return Optional.ofNullable(pumps.get(id));
    }

    /**
     * The board's buses for an agent in this JVM: Pi4J with the site's I2C chips behind
     * {@link SimI2cProvider} (GPIO is Pi4J's mock). Made once; closed with the site.
     */
    public synchronized BoardIo boardIo() {
        if (boardIo == null) {
            boardIo = Pi4jBoardIo.withI2cProvider(i2c);
            resources.add(boardIo);
        }
        return boardIo;
    }

    public boolean usesPty() {
        return pty;
    }

    /** Things the user must know (socat missing and what was done instead). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Stops every pump, server and socat; idempotent (the CLI's shutdown hook and main may both call it). */
    @Override
    public synchronized void close() {
        for (AutoCloseable r : List.copyOf(resources)) {
            try {
                r.close();
            } catch (Exception e) {
                Logger.debug(e, "closing {}", r);
            }
        }
        resources.clear();
    }
}
