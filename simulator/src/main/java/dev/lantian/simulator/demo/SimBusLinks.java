package dev.lantian.simulator.demo;

import dev.lantian.agent.assembly.BusLinks;
import dev.lantian.agent.config.Bus;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.device.MemoryEndpoint;
import dev.lantian.simulator.device.ModbusUnit;
import dev.lantian.simulator.plant.PortsFile;
import dev.lantian.simulator.plant.VirtualSite;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The board's wires when it shares the JVM with a {@link VirtualSite} run without ptys: a serial bus
 * whose port is {@code sim:DEVICE} reaches that device's in-process endpoint (UART sensors, DL/T 645)
 * or, for Modbus, the simulator's slaves of that device's RS-485 line in memory; the site's Modbus
 * TCP meters are reached in memory too. Same drivers, same register maps, no sockets.
 */
final class SimBusLinks implements BusLinks {
    static final String SCHEME = "sim:";

    private final VirtualSite site;
    private final PortsFile ports;
    private final Map<String, List<ModbusUnit>> modbus;

    SimBusLinks(VirtualSite site, PortsFile ports, Map<String, List<ModbusUnit>> modbus) {
        this.site = site;
        this.ports = ports;
        this.modbus = Map.copyOf(modbus);
    }

    @Override
    public ModbusLink modbusRtu(Bus.Serial bus, SerialSettings framing, Duration longestTimeout) throws IOException {
        String device = device(bus);
        List<ModbusUnit> line = modbus.get(device);
        if (line == null) {
            throw new IOException("bus " + bus.id() + ": device " + device + " is not on a Modbus line");
        }
        return new MemoryModbusLine(bus.id(), line);
    }

    /** A Modbus TCP meter of the site, found by its loopback port, in memory; any other address for real. */
    @Override
    public ModbusLink modbusTcp(Bus.ModbusTcp bus, Duration longestTimeout) {
        for (Map.Entry<String, PortsFile.Entry> e : ports.devices().entrySet()) {
            PortsFile.Entry entry = e.getValue();
            if (entry.kind() == PortsFile.Kind.tcp && entry.line() == null && Integer.valueOf(bus.port()).equals(entry.port())
                    && modbus.containsKey(e.getKey())) {
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
        return endpoint(bus).link();
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
