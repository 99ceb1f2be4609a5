package dev.lantian.hardware.modbus;

/**
 * One failed exchange on a fieldbus line (Modbus or DL/T 645), classified so the line scheduler can
 * count it and decide whether a retry makes sense.
 */
public final class FieldbusException extends Exception {

    /** Why an exchange failed. */
    public enum Kind {
        /** Nothing (valid) came back in time: the usual symptom of a dead or absent device. */
        TIMEOUT,
        /** A frame came back but its CRC or checksum was wrong (noise, collisions, bad termination). */
        CHECKSUM,
        /** The device answered with a protocol error (Modbus exception, DL/T 645 error reply). */
        DEVICE_ERROR,
        /** The link itself failed: port missing, TCP connection refused or dropped. */
        LINK
    }

    private final Kind kind;

    public FieldbusException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FieldbusException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
