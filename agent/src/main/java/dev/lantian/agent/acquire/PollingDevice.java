package dev.lantian.agent.acquire;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;

/**
 * A device on a fieldbus line as the {@link LineScheduler} drives it: how often, with what patience,
 * and what one poll is. A poll talks only through the {@link Wire} it is given, so the scheduler sees
 * (times, counts, spaces, retries) every request.
 */
public interface PollingDevice {

    /** The configured device id; the id of every {@link ReadingSet} it produces. */
    String id();

    /** Wanted time between two polls. */
    Duration period();

    DevicePolicy policy();

    /**
     * Performs one poll.
     *
     * @param time acquisition time to stamp the readings with
     * @throws FieldbusException when an exchange failed after its retries; the scheduler turns that
     *                           into a {@code B}-flagged silent set
     */
    ReadingSet poll(Wire wire, Instant time) throws FieldbusException, InterruptedException;
}
