package dev.lantian.hardware.serial;

import dev.lantian.hardware.time.BoardClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An in-memory {@link ByteLink} for tests and simulations: bytes are fed in chunks (one read returns
 * at most one chunk, so a test decides exactly how frames are split), writes are recorded and can be
 * answered, and the device can be unplugged and replugged. Waiting happens on the injected clock, so
 * with a {@code VirtualClock} a silent device costs no real time.
 */
public final class MemoryByteLink implements ByteLink {
    private final BoardClock clock;
    private final String name;
    private final Deque<byte[]> pending = new ArrayDeque<>();
    private final List<byte[]> written = new ArrayList<>();
    private Function<byte[], List<byte[]>> responder = w -> List.of();
    private boolean plugged = true;
    private boolean closed;

    public MemoryByteLink(BoardClock clock) {
        this(clock, "memory");
    }

    public MemoryByteLink(BoardClock clock, String name) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Queues one chunk the device "sends"; ignored while unplugged (nobody is there to send it). */
    public synchronized MemoryByteLink feed(byte[]... chunks) {
        if (plugged) {
            for (byte[] c : chunks) {
                pending.add(c.clone());
            }
        }
        return this;
    }

    /** What the device answers to each write (e.g. a frame for a query command). */
    public synchronized MemoryByteLink respond(Function<byte[], List<byte[]>> answer) {
        this.responder = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /** Every write the driver made, in order. */
    public synchronized List<byte[]> written() {
        return List.copyOf(written);
    }

    /** The adapter is pulled: pending bytes are gone, reads return {@link #LOST}. */
    public synchronized void unplug() {
        plugged = false;
        pending.clear();
    }

    public synchronized void replug() {
        plugged = true;
    }

    @Override
    public int read(byte[] into, Duration timeout) {
        synchronized (this) {
            if (!closed && plugged && !pending.isEmpty()) {
                byte[] chunk = pending.poll();
                int n = Math.min(chunk.length, into.length);
                System.arraycopy(chunk, 0, into, 0, n);
                if (n < chunk.length) {
                    pending.addFirst(Arrays.copyOfRange(chunk, n, chunk.length));
                }
                return n;
            }
        }
        try {
            clock.sleep(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return isOpen() ? 0 : LOST;
    }

    @Override
    public synchronized boolean write(byte[] bytes) {
        if (!isOpen()) {
            return false;
        }
        written.add(bytes.clone());
        for (byte[] answer : responder.apply(bytes.clone())) {
            pending.add(answer.clone());
        }
        return true;
    }

    @Override
    public synchronized boolean isOpen() {
        return plugged && !closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
    }
}
