package dev.lantian.simulator.device;

import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Frame;
import dev.lantian.hardware.dlt645.Dlt645FrameParser;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A DL/T 645-2007 meter on RS-485: answers read-data ({@code 11}) for its own address with
 * {@code 91} and the identifier plus its BCD value (each byte +0x33 on the wire, as
 * {@link Dlt645Frame} encodes), an unknown identifier with the error reply {@code D1}, and the
 * read-address request ({@code 13}) to the wildcard {@code AAAAAAAAAAAA}. Frames for another
 * address, and broadcasts to {@code 999999999999} (which the standard leaves unanswered), get no reply.
 */
public final class VirtualDlt645Meter implements WireDevice {
    /** The broadcast address; commands sent to it are never answered. */
    public static final Dlt645Address BROADCAST = new Dlt645Address("999999999999");
    private static final int NO_DATA = 0x02;

    private final String name;
    private final Dlt645Address address;
    private final Supplier<MeterState> state;
    private final DeviceFaults faults = new DeviceFaults();
    private final Garbage garbage;
    private final Dlt645FrameParser parser = new Dlt645FrameParser();

    public VirtualDlt645Meter(String name, Dlt645Address address, Supplier<MeterState> state, long seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.address = Objects.requireNonNull(address, "address");
        this.state = Objects.requireNonNull(state, "state");
        this.garbage = new Garbage(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceFaults faults() {
        return faults;
    }

    public Dlt645Address address() {
        return address;
    }

    @Override
    public synchronized byte[] receive(byte[] bytes, Instant now) {
        parser.feed(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Optional<Dlt645Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
            byte[] reply = answer(f.get());
            if (reply.length > 0 && !faults.silent()) {
                byte[] wire = faults.garbage() ? garbage.corrupt(reply) : reply;
                out.write(wire, 0, wire.length);
            }
        }
        return out.toByteArray();
    }

    private byte[] answer(Dlt645Frame request) {
        if (request.isReply()) {
            return new byte[0];
        }
        byte[] to = request.address();
        if (request.control() == Dlt645Frame.READ_ADDRESS && Arrays.equals(to, Dlt645Address.WILDCARD.wire())) {
            return new Dlt645Frame(address.wire(), Dlt645Frame.READ_ADDRESS_REPLY, address.wire()).encode();
        }
        if (request.control() != Dlt645Frame.READ_DATA || !Arrays.equals(to, address.wire())) {
            return new byte[0];
        }
        byte[] data = request.data();
        if (data.length < 4) {
            return error();
        }
        int code = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
        Optional<DataIdentifier> id = DataIdentifier.of(code);
        MeterState s = faults.clampRemoved() ? state.get().withoutClamp() : state.get();
        Double value = id.map(d -> s.fields().get(d.field())).orElse(null);
        if (value == null) {
            return error();
        }
        byte[] encoded = id.get().encode(value);
        byte[] reply = Arrays.copyOf(Arrays.copyOf(data, 4), 4 + encoded.length);
        System.arraycopy(encoded, 0, reply, 4, encoded.length);
        return new Dlt645Frame(address.wire(), Dlt645Frame.READ_DATA_REPLY, reply).encode();
    }

    private byte[] error() {
        return new Dlt645Frame(address.wire(), Dlt645Frame.READ_DATA_ERROR, new byte[] {NO_DATA}).encode();
    }
}
