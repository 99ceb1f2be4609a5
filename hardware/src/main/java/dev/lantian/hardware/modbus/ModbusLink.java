package dev.lantian.hardware.modbus;

import java.time.Duration;

/**
 * One Modbus line as the scheduler sees it: a blocking register read, nothing else. The real
 * implementation wraps digitalpetri's clients ({@link ModbusLinks}); tests use in-memory slaves.
 * Callers keep exactly one read outstanding at a time.
 */
public interface ModbusLink extends AutoCloseable {

    /**
     * Reads {@code count} 16-bit registers.
     *
     * @return the registers as unsigned 16-bit values (0..65535), {@code count} of them
     * @throws FieldbusException for a timeout, a CRC error, an exception response or a broken link
     */
    int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
            throws FieldbusException, InterruptedException;

    /** Releases the port or socket; never throws. */
    @Override
    void close();
}
