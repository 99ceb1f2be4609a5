package dev.lantian.simulator.demo;

import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.device.LinkPump;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The agent's end of a pty when the agent runs on the plant's virtual clock in this JVM. Bytes travel
 * for real (jSerialComm, socat), but a wait for bytes that are not coming must cost board time, not
 * wall time, as it would on a board: when the device's {@link LinkPump} has answered everything
 * written here and everything it sent has been read here, nothing is on its way, and the read
 * sleeps its timeout on the board's clock at once. While bytes are in flight it waits for them in
 * wall time, at most {@code inFlightLimit}, then logs it and treats the device as silent.
 */
final class PtyTimeLink implements ByteLink {
    private static final Duration SLICE = Duration.ofMillis(20);

    private final ByteLink pty;
    private final Supplier<LinkPump.Traffic> device;
    private final BoardClock boardClock;
    private final Duration inFlightLimit;
    private long written;
    private long read;

    /** @param device what the device end has sent and answered so far ({@link LinkPump#traffic()}) */
    PtyTimeLink(ByteLink pty, Supplier<LinkPump.Traffic> device, BoardClock boardClock, Duration inFlightLimit) {
        this.pty = Objects.requireNonNull(pty, "pty");
        this.device = Objects.requireNonNull(device, "device");
        this.boardClock = Objects.requireNonNull(boardClock, "boardClock");
        this.inFlightLimit = Objects.requireNonNull(inFlightLimit, "inFlightLimit");
    }

    @Override
    public int read(byte[] into, Duration timeout) {
        long wallDeadline = System.nanoTime() + inFlightLimit.toNanos();
        while (!quiet()) {
            int n = pty.read(into, SLICE);
            if (n != 0) {
                read += Math.max(0, n);
                return n;
            }
            if (System.nanoTime() - wallDeadline > 0) {
                Logger.warn("{}: bytes in flight did not arrive within {} ms of wall time; counting them lost",
                        pty.name(), inFlightLimit.toMillis());
                LinkPump.Traffic t = device.get();
                written = t.answered();
                read = t.sent();
                break;
            }
        }
        try {
            boardClock.sleep(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pty.isOpen() ? 0 : LOST;
    }

    private boolean quiet() {
        LinkPump.Traffic t = device.get();
        return t.answered() == written && t.sent() == read;
    }

    @Override
    public boolean write(byte[] bytes) {
        boolean ok = pty.write(bytes);
        if (ok) {
            written += bytes.length;
        }
        return ok;
    }

    @Override
    public boolean isOpen() {
        return pty.isOpen();
    }

    @Override
    public String name() {
        return pty.name();
    }

    @Override
    public void close() {
        pty.close();
    }
}
