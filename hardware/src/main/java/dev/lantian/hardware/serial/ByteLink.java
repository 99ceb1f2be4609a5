package dev.lantian.hardware.serial;

import java.time.Duration;

/**
 * A byte pipe to one device (a UART, a USB serial adapter, a pty, an in-memory fake). Never throws on
 * IO trouble: a device that vanished shows up as {@link #LOST} from {@link #read} and {@code false}
 * from {@link #write}, and an implementation that can reconnect does so by itself, so the driver on
 * top keeps running through an unplugged adapter.
 */
public interface ByteLink extends AutoCloseable {

    /** What {@link #read} returns while the device is gone (unplugged, port missing, link closed). */
    int LOST = -1;

    /**
     * Waits up to {@code timeout} for bytes and copies what arrived into {@code into}.
     *
     * @return the number of bytes copied ({@code 0}: nothing within the timeout), or {@link #LOST}
     */
    int read(byte[] into, Duration timeout);

    /** Sends all of {@code bytes}; {@code false} when the link is down or the write was short. */
    boolean write(byte[] bytes);

    /** Whether the device is currently reachable (as far as the link knows). */
    boolean isOpen();

    /** A name for logs and messages, e.g. the port path. */
    String name();

    /** Releases the device; later reads return {@link #LOST}. Idempotent, never throws. */
    @Override
    void close();
}
