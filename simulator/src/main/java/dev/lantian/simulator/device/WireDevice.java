package dev.lantian.simulator.device;

import java.time.Instant;

/**
 * A virtual device as seen from its cable: bytes come in from the master, bytes go out, either as
 * answers or on the device's own schedule (a streaming sensor). No threads and no IO here: a
 * {@link LinkPump} carries the bytes over a pty or an in-memory link, so every device can also be
 * driven byte by byte in a test.
 */
public interface WireDevice {

    /** A name for logs and the ports file. */
    String name();

    /** The bytes the master sent (any split); returns what the device answers now, possibly nothing. */
    byte[] receive(byte[] bytes, Instant now);

    /** What the device sends by itself up to {@code now} (streaming sensors); empty for slaves. */
    default byte[] emit(Instant now) {
        return new byte[0];
    }

    /** The fault switches of this device. */
    DeviceFaults faults();
}
