package dev.lantian.hardware.modbus;

import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServer;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.serial.server.SerialPortServerTransport;
import com.digitalpetri.modbus.tcp.server.NettyRtuServerTransport;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modbus slaves in memory, served by digitalpetri's own server side over loopback TCP (Modbus TCP or
 * RTU framing) or a serial port. Units that were never given registers do not answer, like an absent
 * device on a line.
 */
public final class VirtualSlaves {
    private final Map<Integer, ProcessImage> units = new ConcurrentHashMap<>();
    private final Set<Integer> refusing = ConcurrentHashMap.newKeySet();

    private final Map<Integer, Long> slowMillis = new ConcurrentHashMap<>();

    /** Makes {@code unit} answer only after {@code millis}: a slow device whose answer comes late. */
    public void slow(int unit, long millis) {
        slowMillis.put(unit, millis);
    }

    /** Makes {@code unit} answer every read with exception 02, illegal data address. */
    public void refuse(int unit) {
        units.computeIfAbsent(unit, u -> new ProcessImage());
        refusing.add(unit);
    }

    public void set(int unit, RegisterFunction function, int address, int[] words) {
        ProcessImage image = units.computeIfAbsent(unit, u -> new ProcessImage());
        image.with(tx -> {
            var writer = function == RegisterFunction.INPUT ? (java.util.function.Consumer<java.util.function.Consumer<Map<Integer, byte[]>>>) tx::writeInputRegisters
                    : (java.util.function.Consumer<java.util.function.Consumer<Map<Integer, byte[]>>>) tx::writeHoldingRegisters;
            writer.accept(regs -> {
                for (int i = 0; i < words.length; i++) {
                    regs.put(address + i, new byte[] {(byte) (words[i] >> 8), (byte) words[i]});
                }
            });
        });
    }

    private ModbusServices services() {
        ReadWriteModbusServices images = new ReadWriteModbusServices() {
            @Override
            protected Optional<ProcessImage> getProcessImage(int unitId) {
                return Optional.ofNullable(units.get(unitId));
            }
        };
        return new ModbusServices() {
            @Override
            public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unitId,
                    ReadInputRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
                if (refusing.contains(unitId)) {
                    throw new ModbusResponseException(0x04, 0x02);
                }
                Long delay = slowMillis.get(unitId);
                if (delay != null) {
                    try {
                        Thread.sleep(delay); // the device's own slowness, not a test waiting
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return images.readInputRegisters(context, unitId, request);
            }

            @Override
            public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                    ReadHoldingRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
                if (refusing.contains(unitId)) {
                    throw new ModbusResponseException(0x03, 0x02);
                }
                return images.readHoldingRegisters(context, unitId, request);
            }
        };
    }

    /** A running server; closing stops it. */
    public record Running(ModbusServer server, int port) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    public Running serveTcp() throws Exception {
        int port = freePort();
        var transport = NettyTcpServerTransport.create(cfg -> {
            cfg.setBindAddress("127.0.0.1");
            cfg.setPort(port);
        });
        ModbusTcpServer server = ModbusTcpServer.create(transport, services());
        server.start();
        return new Running(server, port);
    }

    public Running serveRtuOverTcp() throws Exception {
        int port = freePort();
        var transport = NettyRtuServerTransport.create(cfg -> {
            cfg.setBindAddress("127.0.0.1");
            cfg.setPort(port);
        });
        ModbusRtuServer server = ModbusRtuServer.create(transport, services());
        server.start();
        return new Running(server, port);
    }

    public Running serveSerial(String port, int baud) throws Exception {
        var transport = SerialPortServerTransport.create(cfg -> {
            cfg.setSerialPort(port);
            cfg.setBaudRate(baud);
        });
        ModbusRtuServer server = ModbusRtuServer.create(transport, services());
        server.start();
        return new Running(server, 0);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
