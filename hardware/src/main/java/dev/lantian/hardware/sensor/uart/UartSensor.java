package dev.lantian.hardware.sensor.uart;

import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.ReadingSet;

/**
 * A particulate sensor on a UART (Plantower PMS5003/PMS7003, Nova SDS011), as the acquisition stage
 * sees it: one call, one {@link ReadingSet}. A driver owns its {@code ByteLink}; it never throws from
 * {@link #read()}: silence and a lost link become a {@code B} set, warm-up and sleep an {@code F} set,
 * a value above the sensor's range a {@code T} reading.
 *
 * <p>Not thread-safe: one acquisition thread per device.
 */
public interface UartSensor extends PolledDevice, AutoCloseable {

    /** The configured device id, copied into every reading set. */
    String deviceId();

    /** Waits (at most the driver's frame timeout) for the next valid frame and decodes it. */
    ReadingSet read();

    /** Puts the sensor to sleep (fan and laser off); reads report {@code F} until {@link #wake()}. */
    void sleep();

    /** Wakes the sensor; readings stay flagged for the warm-up time that follows. */
    void wake();

    /** The wire bytes of the frame behind the last non-silent {@link #read()}; empty if none. */
    byte[] lastFrame();

    SensorCounters counters();

    /** Closes the link. */
    @Override
    void close();
}
