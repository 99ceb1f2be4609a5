package dev.lantian.simulator.device;

import com.fazecast.jSerialComm.SerialPort;
import dev.lantian.hardware.serial.ByteLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The device end of a pty pair as a virtual device holds it: opened once through jSerialComm, raw,
 * never reopened. Unlike the agent's {@code SerialByteLink}, a read waiting on one thread does not
 * hold up a write from another, so a streaming sensor's frame goes out the moment the plant ticks
 * while its {@link LinkPump} waits for the master's next request.
 */
public final class PtyPort implements ByteLink {
    private final String path;
    private final SerialPort port;
    private final Object writeLock = new Object();
    private volatile boolean open;
    private int appliedTimeoutMs = -1;

    private PtyPort(String path, SerialPort port) {
        this.path = path;
        this.port = port;
        this.open = true;
    }

    /** Opens the pty end at {@code path}; an {@link IOException} says why it cannot be opened. */
    public static PtyPort open(String path, int baud) throws IOException {
        Objects.requireNonNull(path, "path");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
            port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        } catch (RuntimeException e) {
            throw new IOException("cannot use " + path + ": " + e.getMessage(), e);
        }
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new PtyPort(path, port);
    }

    /** Only the pump's thread reads, so the timeout setting needs no lock. */
    @Override
    public int read(byte[] into, Duration timeout) {
        if (!open) {
            return LOST;
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (ms != appliedTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
            appliedTimeoutMs = ms;
        }
        int n;
        try {
            n = port.readBytes(into, into.length);
        } catch (RuntimeException e) {
            n = -1;
        }
        return n < 0 || !open ? LOST : n;
    }

    @Override
    public boolean write(byte[] bytes) {
        synchronized (writeLock) {
            if (!open) {
                return false;
            }
            try {
                return port.writeBytes(bytes, bytes.length) == bytes.length;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (open) {
                open = false;
                port.closePort();
            }
        }
    }
}
