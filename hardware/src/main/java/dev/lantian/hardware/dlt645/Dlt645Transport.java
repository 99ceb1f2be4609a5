package dev.lantian.hardware.dlt645;

import java.io.IOException;
import java.time.Duration;

/**
 * Raw bytes to and from a DL/T 645 line: an RS-485 port ({@link SerialDlt645Transport}), a TCP
 * converter ({@link SocketDlt645Transport}) or an in-memory meter in tests. Kept this small so the
 * serial link of {@code dev.lantian.hardware.serial} can stand behind it later.
 */
public interface Dlt645Transport extends AutoCloseable {

    void write(byte[] bytes) throws IOException;

    /** Reads what arrives within {@code timeout} into {@code buf}; 0 when nothing came. */
    int read(byte[] buf, Duration timeout) throws IOException;

    /** Drops bytes already received (stale replies) before a new request. */
    void discardInput() throws IOException;

    @Override
    void close();
}
