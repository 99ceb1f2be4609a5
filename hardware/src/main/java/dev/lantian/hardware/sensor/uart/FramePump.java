package dev.lantian.hardware.sensor.uart;

import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Pulls bytes from a {@link ByteLink} through a {@link FrameDecoder} until a frame arrives or a
 * deadline on the injected clock passes; notices the link going away and coming back.
 *
 * <p>Frames decoded together (two in one read) are queued, oldest first, so none is lost; the queue
 * is short because a sensor that is read late should not be reported minutes behind.
 *
 * @param <F> the frame type
 */
public final class FramePump<F> {
    private static final int QUEUE_LIMIT = 4;

    /** The result of waiting for a frame. */
    public sealed interface Outcome<F> {
    }

    /** A frame and the clock's time when it was decoded. */
    public record Received<F>(F frame, Instant at) implements Outcome<F> {
    }

    /** No valid frame before the deadline, and why. */
    public record Silent<F>(String why) implements Outcome<F> {
    }

    private final ByteLink link;
    private final FrameDecoder<F> decoder;
    private final BoardClock clock;
    private final Runnable onReconnect;
    private final byte[] buffer = new byte[256];
    private final Deque<Received<F>> queue = new ArrayDeque<>();
    private boolean lost;
    private long losses;
    private long silences;

    /**
     * @param onReconnect run when bytes flow again after the link was lost (re-send configuration,
     *                    restart the warm-up: a replugged USB adapter usually power-cycled the sensor)
     */
    public FramePump(ByteLink link, FrameDecoder<F> decoder, BoardClock clock, Runnable onReconnect) {
        this.link = Objects.requireNonNull(link, "link");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReconnect = Objects.requireNonNull(onReconnect, "onReconnect");
    }

    /** Waits up to {@code timeout} (on the injected clock) for the next valid frame. */
    public Outcome<F> next(Duration timeout) {
        if (!queue.isEmpty()) {
            return queue.poll();
        }
        Instant deadline = clock.instant().plus(timeout);
        while (!Thread.currentThread().isInterrupted()) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                break;
            }
            int n = link.read(buffer, remaining);
            if (n == ByteLink.LOST) {
                markLost();
                continue;
            }
            if (lost) {
                lost = false;
                Logger.info("{}: link back, resuming", link.name());
                onReconnect.run();
            }
            if (n > 0) {
                Instant at = clock.instant();
                decoder.feed(buffer, 0, n, frame -> enqueue(new Received<>(frame, at)));
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        silences++;
        return new Silent<>(lost ? "link lost: " + link.name()
                : "no valid frame within " + timeout.toMillis() + " ms on " + link.name());
    }

    /** Drops queued frames (they describe the sensor before a sleep/wake). */
    public void discardQueued() {
        queue.clear();
    }

    public boolean isLost() {
        return lost;
    }

    public ByteLink link() {
        return link;
    }

    public SensorCounters counters() {
        return new SensorCounters(decoder.counters(), losses, silences);
    }

    private void markLost() {
        if (!lost) {
            lost = true;
            losses++;
            decoder.reset();
            queue.clear();
        }
    }

    private void enqueue(Received<F> r) {
        if (queue.size() == QUEUE_LIMIT) {
            queue.poll();
        }
        queue.add(r);
    }
}
