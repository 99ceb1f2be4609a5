package dev.lantian.agent.acquire;

import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Frame;
import dev.lantian.hardware.dlt645.Dlt645FrameParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A DL/T 645-2007 meter in memory: answers read-data and read-address requests for its address from
 * a table of values; identifiers it does not have get an error reply (requested data not available).
 * Can also sit behind a loopback TCP port as a transparent RS-485 converter would.
 */
public final class VirtualDlt645Meter implements AutoCloseable {
    private final Dlt645Address address;
    private final Map<DataIdentifier, Double> values = new EnumMap<>(DataIdentifier.class);
    private ServerSocket server;
    private Thread thread;

    public VirtualDlt645Meter(Dlt645Address address) {
        this.address = address;
    }

    public VirtualDlt645Meter set(DataIdentifier id, double value) {
        values.put(id, value);
        return this;
    }

    /** The reply to one request frame, empty when the meter would stay silent (not addressed to it). */
    public Optional<byte[]> answer(Dlt645Frame request) {
        if (request.control() == Dlt645Frame.READ_ADDRESS) {
            return Optional.of(new Dlt645Frame(address.wire(), Dlt645Frame.READ_ADDRESS_REPLY, address.wire()).encode());
        }
        if (request.control() != Dlt645Frame.READ_DATA || !Arrays.equals(request.address(), address.wire())
                || request.data().length != 4) {
            return Optional.empty();
        }
        byte[] d = request.data();
        int code = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
        Optional<DataIdentifier> id = DataIdentifier.of(code).filter(values::containsKey);
        if (id.isEmpty()) {
            return Optional.of(new Dlt645Frame(address.wire(), Dlt645Frame.READ_DATA_ERROR, new byte[] {0x02}).encode());
        }
        byte[] value = id.get().encode(values.get(id.get()));
        byte[] data = Arrays.copyOf(d, 4 + value.length);
        System.arraycopy(value, 0, data, 4, value.length);
        return Optional.of(new Dlt645Frame(address.wire(), Dlt645Frame.READ_DATA_REPLY, data).encode());
    }

    /** Serves on a free loopback port; returns it. */
    public int serveTcp() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream o = s.getOutputStream();
                    Dlt645FrameParser parser = new Dlt645FrameParser();
                    byte[] buf = new byte[256];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        parser.feed(buf, 0, n);
                        for (Optional<Dlt645Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                            Optional<byte[]> reply = answer(f.get());
                            if (reply.isPresent()) {
                                o.write(reply.get());
                                o.flush();
                            }
                        }
                    }
                } catch (IOException e) {
                    // connection ended or server closed
                }
            }
        }, "virtual-dlt645");
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
            thread.join(5000);
        }
    }
}
