package dev.lantian.simulator.demo;

import dev.lantian.agent.assembly.BusLinks;
import dev.lantian.agent.config.Bus;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.device.LinkPump;
import dev.lantian.simulator.device.MemoryEndpoint;
import dev.lantian.simulator.device.ModbusUnit;
import dev.lantian.simulator.plant.PortsFile;
import dev.lantian.simulator.plant.VirtualSite;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The board's wires when it shares the JVM with a {@link VirtualSite}. A serial bus whose port is
 * {@code sim:DEVICE} reaches that device's in-process endpoint (UART sensors, DL/T 645) or, for
 * Modbus, the simulator's slaves of that device's RS-485 line in memory; the site's Modbus TCP
 * meters are reached in memory too. A serial bus whose port is a path is the site's pty: Modbus RTU
 * and DL/T 645 go over it exactly as on a board ({@link BusLinks#REAL}), and a UART sensor's link is
 * the real serial link wrapped in a {@link PtyTimeLink}, so waiting for a frame costs board time.
 */
final class SimBusLinks implements BusLinks {
    static final String SCHEME = "sim:";

    private final VirtualSite site;
    private final PortsFile ports;
    private static final Duration IN_FLIGHT_LIMIT = Duration.ofSeconds(2);

    private final Map<String, List<ModbusUnit>> modbus;
    private final BoardClock boardClock;

    SimBusLinks(VirtualSite site, PortsFile ports, Map<String, List<ModbusUnit>> modbus, BoardClock boardClock) {
        this.site = site;
        this.ports = ports;
        this.modbus = Map.copyOf(modbus);
        this.boardClock = boardClock;
    }

    @Override
    public ModbusLink modbusRtu(Bus.Serial bus, SerialSettings framing, Duration longestTimeout) throws IOException {
        if (!simulated(bus)) {
            return BusLinks.REAL.modbusRtu(bus, framing, longestTimeout);
        }
        String device = device(bus);
        List<ModbusUnit> line = modbus.get(device);
        if (line == null) {
            throw new IOException("bus " + bus.id() + ": device " + device + " is not on a Modbus line");
        }
        return new MemoryModbusLine(bus.id(), line);
    }

    /**
     * A Modbus TCP meter of the site, found by its loopback port, in memory when the site runs in
     * process; over its loopback socket when the site is on real ports; any other address for real.
     */
    @Override
    public ModbusLink modbusTcp(Bus.ModbusTcp bus, Duration longestTimeout) {
        for (Map.Entry<String, PortsFile.Entry> e : ports.devices().entrySet()) {
            PortsFile.Entry entry = e.getValue();
            if (entry.kind() == PortsFile.Kind.tcp && entry.line() == null && Integer.valueOf(bus.port()).equals(entry.port())
                    && modbus.containsKey(e.getKey()) && !site.usesPty()) {
                return new MemoryModbusLine(bus.id(), modbus.get(e.getKey()));
            }
        }
        return ModbusLinks.tcp(bus.host(), bus.port(), longestTimeout);
    }

    @Override
    public ModbusLink modbusRtuOverTcp(Bus.RtuOverTcp bus, Duration longestTimeout) {
        return ModbusLinks.rtuOverTcp(bus.host(), bus.port(), longestTimeout);
    }

    @Override
    public Dlt645Transport dlt645Serial(Bus.Serial bus, SerialSettings framing) throws IOException {
        if (!simulated(bus)) {
            return BusLinks.REAL.dlt645Serial(bus, framing);
        }
        ByteLink link = endpoint(bus).link();
        return new Dlt645Transport() {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (!link.write(bytes)) {
                    throw new IOException(link.name() + " is closed");
                }
            }

            @Override
            public int read(byte[] buf, Duration timeout) {
                return Math.max(0, link.read(buf, timeout));
            }

            @Override
            public void discardInput() {
                byte[] sink = new byte[256];
                for (int i = 0; i < 64 && link.read(sink, Duration.ZERO) > 0; i++) {
                    // drop stale bytes; bounded
                }
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }

    @Override
    public Dlt645Transport dlt645Tcp(Bus.RtuOverTcp bus, Duration longestTimeout) throws IOException {
        return BusLinks.REAL.dlt645Tcp(bus, longestTimeout);
    }

    @Override
    public ByteLink uart(Bus.Serial bus, dev.lantian.hardware.serial.SerialSettings settings, BoardClock clock)
            throws IOException {
        if (simulated(bus)) {
            return endpoint(bus).link();
        }
        String device = ports.devices().entrySet().stream()
                .filter(e -> bus.port().equals(e.getValue().path())).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IOException("bus " + bus.id() + ": " + bus.port() + " is not one of the site's ptys"));
        LinkPump pump = site.pump(device).orElseThrow(() -> new IOException("bus " + bus.id() + ": device " + device
                + " has no pty pump"));
        return new PtyTimeLink(BusLinks.REAL.uart(bus, settings, BoardClock.system(ZoneOffset.UTC)), pump::traffic, boardClock,
                IN_FLIGHT_LIMIT);
    }

    private static boolean simulated(Bus.Serial bus) {
        return bus.port().startsWith(SCHEME);
    }

    private MemoryEndpoint endpoint(Bus.Serial bus) throws IOException {
        String device = device(bus);
        return site.memory(device).orElseThrow(() -> new IOException("bus " + bus.id() + ": device " + device
                + " has no in-process endpoint"));
    }

    private static String device(Bus.Serial bus) throws IOException {
        if (!bus.port().startsWith(SCHEME)) {
            throw new IOException("bus " + bus.id() + " port " + bus.port() + " is not a simulated device (" + SCHEME
                    + "ID)");
        }
        return bus.port().substring(SCHEME.length());
    }
}
