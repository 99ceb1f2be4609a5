package dev.lantian.hardware.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.lantian.hardware.time.BoardClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * A {@link ByteLink} over a real serial port through jSerialComm.
 *
 * <p>The port is looked up by path on every (re)open, so a symlink that udev or socat re-points to a
 * new {@code /dev/ttyUSBn} or {@code /dev/pts/n} is followed (jSerialComm resolves the link itself).
 * A failed read (jSerialComm returns -1, e.g. EIO after the adapter was pulled) or a vanished device
 * path closes the port and marks the link lost; later reads try to reopen on the {@link ReconnectBackoff}
 * schedule, measured on the injected clock, and wait on that clock in between so callers never spin.
 *
 * <p>Thread-safe, but a blocking read holds the link: a write from another thread waits until the
 * read returns. Request/response protocols (Modbus RTU, DL/T 645) write then read on one thread.
 */
public final class SerialByteLink implements ByteLink {
    private final SerialSettings settings;
    private final BoardClock clock;
    private final ReconnectBackoff backoff;
    private final Path path;

    private SerialPort port;
    private int appliedTimeoutMs = -1;
    private boolean closed;
    private Instant nextAttempt = Instant.MIN;
    private Duration delay;
    private String lastError = "";
    private long losses;
    private long opens;

    /** Does not touch the port: the first read, write or {@link #open()} opens it. */
    public SerialByteLink(SerialSettings settings, BoardClock clock, ReconnectBackoff backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.path = Path.of(settings.port());
        this.delay = backoff.initial();
    }

    /** Tries to open the port now, whatever the backoff says; {@code false} with {@link #lastError()} set. */
    public synchronized boolean open() {
        if (closed) {
            lastError = "link closed";
            return false;
        }
        if (port != null) {
            return true;
        }
        return attempt();
    }

    @Override
    public synchronized int read(byte[] into, Duration timeout) {
        if (closed) {
            return LOST;
        }
        if (port == null && !attemptIfDue()) {
            waitForRetry(timeout);
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
        if (n < 0) {
            lose("read failed" + errorCode());
            return LOST;
        }
        if (n == 0 && !Files.exists(path)) {
            lose("device path vanished");
            return LOST;
        }
        return n;
    }

    @Override
    public synchronized boolean write(byte[] bytes) {
        if (closed || (port == null && !attemptIfDue())) {
            return false;
        }
        int n;
        try {
            n = port.writeBytes(bytes, bytes.length);
        } catch (RuntimeException e) {
            n = -1;
        }
        if (n < 0) {
            lose("write failed" + errorCode());
            return false;
        }
        return n == bytes.length;
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null;
    }

    @Override
    public String name() {
        return settings.port();
    }

    public SerialSettings settings() {
        return settings;
    }

    /** Why the last open failed or the link was lost; empty when it never went wrong. */
    public synchronized String lastError() {
        return lastError;
    }

    /** How many times an open link was lost (read/write error, device gone). */
    public synchronized long losses() {
        return losses;
    }

    /** How many times the port was opened successfully, first open included. */
    public synchronized long opens() {
        return opens;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closePort();
    }

    private boolean attemptIfDue() {
        if (clock.instant().isBefore(nextAttempt)) {
            return false;
        }
        return attempt();
    }

    private boolean attempt() {
        if (!Files.exists(path)) {
            return failed("no such device " + settings.port());
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(settings.port());
        } catch (RuntimeException e) {
            return failed("cannot use " + settings.port() + ": " + e.getMessage());
        }
        try {
            candidate.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), parity());
            candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            if (!candidate.openPort()) {
                return failed("cannot open " + settings.port() + " (error " + candidate.getLastErrorCode() + ")");
            }
        } catch (RuntimeException e) {
            return failed("cannot open " + settings.port() + ": " + e.getMessage());
        }
        port = candidate;
        appliedTimeoutMs = -1;
        delay = backoff.initial();
        opens++;
        if (opens > 1) {
            Logger.info("serial link {} reopened ({})", settings.describe(), port.getSystemPortPath());
        }
        return true;
    }

    private boolean failed(String why) {
        if (!why.equals(lastError)) {
            Logger.warn("serial link {}: {}", settings.port(), why);
        }
        lastError = why;
        nextAttempt = clock.instant().plus(delay);
        delay = backoff.after(delay);
        return false;
    }

    private void lose(String why) {
        losses++;
        lastError = why;
        Logger.warn("serial link {} lost: {}", settings.port(), why);
        closePort();
        delay = backoff.initial();
        nextAttempt = clock.instant().plus(delay);
    }

    private void waitForRetry(Duration timeout) {
        Duration untilRetry = Duration.between(clock.instant(), nextAttempt);
        Duration wait = untilRetry.compareTo(timeout) < 0 ? untilRetry : timeout;
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            clock.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closePort() {
        if (port != null) {
            try {
                port.closePort();
            } catch (RuntimeException e) {
                Logger.debug(e, "closing {}", settings.port());
            }
            port = null;
        }
    }

    private String errorCode() {
        int code = port.getLastErrorCode();
        return code == 0 ? " (device gone)" : " (error " + code + ")";
    }

    private int stopBits() {
        return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
