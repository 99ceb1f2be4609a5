package dev.lantian.agent.acquire;

import dev.lantian.hardware.modbus.FieldbusException;
import java.time.Duration;

/**
 * The scheduler's gate to the line for one poll: every request goes through {@link #exchange}, which
 * waits out the inter-frame silence, applies the device's timeout and retries and keeps the counters.
 */
public interface Wire {

    /** One request and its answer. */
    @FunctionalInterface
    interface Exchange<T> {
        T run(Duration timeout) throws FieldbusException, InterruptedException;
    }

    /**
     * Runs {@code exchange}, retrying a timeout or checksum failure up to the device's retry count; a
     * device error (exception response) is not retried: the device answered and would answer the same.
     */
    <T> T exchange(Exchange<T> exchange) throws FieldbusException, InterruptedException;
}
