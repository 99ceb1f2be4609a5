package dev.lantian.simulator.device;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * A Modbus TCP server on 127.0.0.1 (an ephemeral port unless one is given): MBAP header
 * ({@code transaction, protocol 0, length, unit}) then the PDU; several clients at once, one thread
 * each. With a single unit it answers whatever unit id the client uses (a meter with an Ethernet
 * port ignores it); with several it acts as a gateway and answers an unknown id with exception 0x0B.
 */
public final class ModbusTcpSlave implements AutoCloseable {
    private static final int GATEWAY_TARGET_FAILED = 0x0B;

    private final String name;
    private final Map<Integer, ModbusUnit> units = new LinkedHashMap<>();
    private final ServerSocket server;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Garbage garbage;
    private volatile boolean closed;

    public ModbusTcpSlave(String name, List<ModbusUnit> slaves, int port, long seed) throws IOException {
        this.name = name;
        slaves.forEach(u -> units.put(u.unit(), u));
        this.garbage = new Garbage(seed);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(this::acceptLoop, "modbus-tcp-" + name);
        t.setDaemon(true);
        t.start();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String name() {
        return name;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "modbus-tcp-" + name + "-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    Logger.warn("Modbus TCP slave {}: accept failed: {}", name, e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream())) {
            OutputStream out = s.getOutputStream();
            while (!closed) {
                byte[] header = new byte[7];
                in.readFully(header);
                int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
                if (length < 2 || length > 254) {
                    return; // not Modbus TCP: drop the connection as a real server does
                }
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                byte[] reply = answer(header, pdu);
                if (reply.length > 0) {
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (IOException e) {
            Logger.debug("Modbus TCP slave {}: client gone: {}", name, e.getMessage());
        } finally {
            clients.remove(s);
        }
    }

    private byte[] answer(byte[] header, byte[] request) {
        int unitId = header[6] & 0xFF;
        ModbusUnit unit = units.size() == 1 ? units.values().iterator().next() : units.get(unitId);
        byte[] pdu;
        if (unit == null) {
            pdu = ModbusUnit.exception(request.length > 0 ? request[0] & 0xFF : 0, GATEWAY_TARGET_FAILED);
        } else if (unit.faults().silent()) {
            return new byte[0];
        } else {
            pdu = unit.answer(request);
        }
        byte[] adu = new byte[7 + pdu.length];
        System.arraycopy(header, 0, adu, 0, 4);
        adu[4] = (byte) ((pdu.length + 1) >>> 8);
        adu[5] = (byte) (pdu.length + 1);
        adu[6] = (byte) unitId;
        System.arraycopy(pdu, 0, adu, 7, pdu.length);
        if (unit != null && unit.faults().garbage()) {
            return garbage.corrupt(adu); // no CRC on TCP: the client sees a broken register value or a junk header

        }
        return adu;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            Logger.debug(e, "closing {}", name);
        }
        for (Socket c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                Logger.debug(e, "closing a client of {}", name);
            }
        }
    }
}
