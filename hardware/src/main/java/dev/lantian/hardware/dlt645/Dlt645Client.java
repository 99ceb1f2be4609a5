package dev.lantian.hardware.dlt645;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.FieldbusException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads data identifiers from DL/T 645-2007 meters over a {@link Dlt645Transport}: one request, then
 * frames are collected until the matching reply, an error reply or the timeout. Frames for another
 * address or with a bad checksum are dropped (and counted), never taken as the answer.
 */
public final class Dlt645Client {
    private final Dlt645Transport transport;
    private final Consumer<String> rawLog;

    /** @param rawLog receives "TX ..."/"RX ..." hex lines ({@code probe --raw}); use {@code s -> {}} otherwise */
    public Dlt645Client(Dlt645Transport transport, Consumer<String> rawLog) {
        this.transport = transport;
        this.rawLog = rawLog;
    }

    /** Reads one identifier's value in its unit. */
    public double read(Dlt645Address meter, DataIdentifier id, Duration timeout)
            throws FieldbusException, InterruptedException {
        Dlt645Frame reply = exchange(Dlt645Frame.readData(meter, id.code()), meter.wire(), timeout);
        byte[] data = reply.data();
        if (reply.isError()) {
            int err = data.length > 0 ? data[0] & 0xFF : 0;
            throw new FieldbusException(Kind.DEVICE_ERROR, "meter " + meter + " refused " + String.format("%08X", id.code())
                    + ": " + Dlt645Error.describe(err));
        }
        if (data.length != 4 + id.length() || !Arrays.equals(Arrays.copyOf(data, 4), Dlt645Frame.identifierBytes(id.code()))) {
            throw new FieldbusException(Kind.DEVICE_ERROR, "meter " + meter + " answered another identifier or length");
        }
        return id.decode(Arrays.copyOfRange(data, 4, data.length)).orElseThrow(() -> new FieldbusException(
                Kind.DEVICE_ERROR, "meter " + meter + " sent a value that is not BCD for " + String.format("%08X", id.code())));
    }

    /** Asks the (single) meter on the line for its address with the wildcard address. */
    public Dlt645Address discover(Duration timeout) throws FieldbusException, InterruptedException {
        Dlt645Frame reply = exchange(Dlt645Frame.readAddress(), null, timeout);
        Optional<Dlt645Address> a = Dlt645Address.fromWire(reply.data().length == 6 ? reply.data() : reply.address());
        return a.filter(x -> !x.equals(Dlt645Address.WILDCARD)).orElseThrow(
                () -> new FieldbusException(Kind.DEVICE_ERROR, "the address reply is not BCD"));
    }

    private Dlt645Frame exchange(Dlt645Frame request, byte[] expectedAddress, Duration timeout)
            throws FieldbusException, InterruptedException {
        Dlt645FrameParser parser = new Dlt645FrameParser();
        byte[] wire = request.encode();
        try {
            transport.discardInput();
            rawLog.accept("TX " + Hex.of(wire));
            transport.write(wire);
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[256];
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FieldbusException(parser.checksumErrors() > 0 ? Kind.CHECKSUM : Kind.TIMEOUT,
                            parser.checksumErrors() > 0 ? "only frames with a bad checksum came back"
                                    : "no answer within " + timeout.toMillis() + " ms");
                }
                int n = transport.read(buf, Duration.ofNanos(left));
                if (n <= 0) {
                    continue;
                }
                rawLog.accept("RX " + Hex.of(Arrays.copyOf(buf, n)));
                parser.feed(buf, 0, n);
                for (Optional<Dlt645Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                    Dlt645Frame frame = f.get();
                    boolean answersUs = frame.isReply() && (frame.control() & 0x1F) == (request.control() & 0x1F)
                            && (expectedAddress == null || Arrays.equals(frame.address(), expectedAddress));
                    if (answersUs) {
                        return frame;
                    }
                }
            }
        } catch (IOException e) {
            throw new FieldbusException(Kind.LINK, "DL/T 645 line: " + e.getMessage(), e);
        }
    }
}
