package dev.lantian.hardware.reading;

/**
 * A device the acquisition stage polls on its own schedule: each call talks to the device once and
 * says what it found. Implementations never throw for device trouble; silence, a bad checksum or a
 * fault the device reports comes back as a flagged {@link ReadingSet}.
 */
public interface PolledDevice {

    /** The configured device id, copied into every reading set. */
    String deviceId();

    ReadingSet read();
}
