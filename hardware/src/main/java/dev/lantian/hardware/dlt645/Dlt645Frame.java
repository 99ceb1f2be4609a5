package dev.lantian.hardware.dlt645;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * One DL/T 645-2007 frame: {@code 68 A0..A5 68 C L DATA CS 16}. {@code data} is held as meant (the
 * wire carries each byte plus 0x33); {@code address} in wire order (low byte first).
 */
public record Dlt645Frame(byte[] address, int control, byte[] data) {
    /** Control codes used here (master to meter; replies set bit 7, errors bit 6). */
    public static final int READ_DATA = 0x11;
    public static final int READ_DATA_REPLY = 0x91;
    public static final int READ_DATA_ERROR = 0xD1;
    public static final int READ_ADDRESS = 0x13;
    public static final int READ_ADDRESS_REPLY = 0x93;

    public Dlt645Frame {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(data, "data");
        if (address.length != 6 || control < 0 || control > 0xFF || data.length > 200) {
            throw new IllegalArgumentException("bad DL/T 645 frame");
        }
        address = address.clone();
        data = data.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** A read-data request for one identifier. */
    public static Dlt645Frame readData(Dlt645Address meter, int identifier) {
        return new Dlt645Frame(meter.wire(), READ_DATA, identifierBytes(identifier));
    }

    /** The broadcast "read communication address" request; only valid with one meter on the line. */
    public static Dlt645Frame readAddress() {
        return new Dlt645Frame(Dlt645Address.WILDCARD.wire(), READ_ADDRESS, new byte[0]);
    }

    /** The 4 identifier bytes in wire order (DI0 first). */
    static byte[] identifierBytes(int identifier) {
        return new byte[] {(byte) identifier, (byte) (identifier >>> 8), (byte) (identifier >>> 16), (byte) (identifier >>> 24)};
    }

    /** Wire bytes with the four FE wake-up bytes most meters expect before a request. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + data.length);
        for (int i = 0; i < 4; i++) {
            out.write(0xFE);
        }
        byte[] body = body();
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    /** The frame from the first 68 to the final 16, without wake-up bytes. */
    public byte[] body() {
        byte[] b = new byte[12 + data.length];
        b[0] = 0x68;
        System.arraycopy(address, 0, b, 1, 6);
        b[7] = 0x68;
        b[8] = (byte) control;
        b[9] = (byte) data.length;
        for (int i = 0; i < data.length; i++) {
            b[10 + i] = (byte) (data[i] + 0x33);
        }
        b[10 + data.length] = checksum(b, 0, 10 + data.length);
        b[11 + data.length] = 0x16;
        return b;
    }

    /** Low byte of the sum of {@code len} bytes from {@code from}. */
    static byte checksum(byte[] b, int from, int len) {
        int sum = 0;
        for (int i = from; i < from + len; i++) {
            sum += b[i] & 0xFF;
        }
        return (byte) sum;
    }

    public boolean isReply() {
        return (control & 0x80) != 0;
    }

    public boolean isError() {
        return (control & 0x40) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dlt645Frame f && f.control == control && java.util.Arrays.equals(f.address, address)
                && java.util.Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(address) * 31 + java.util.Arrays.hashCode(data) + control;
    }

    @Override
    public String toString() {
        return "Dlt645Frame[" + Hex.of(body()) + "]";
    }
}
