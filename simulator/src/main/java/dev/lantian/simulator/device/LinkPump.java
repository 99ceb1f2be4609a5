package dev.lantian.simulator.device;

import dev.lantian.hardware.serial.ByteLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Carries one {@link WireDevice}'s bytes over a {@link ByteLink} (the device end of a pty pair): a
 * daemon thread reads what the master sent and writes the device's answers; what the device sends by
 * itself goes out on {@link #tick()} (the plant driver calls it as plant time passes) and, failing
 * that, whenever the thread's wait for the master times out. Counts the bytes it sent and the bytes it
 * answered, so an agent in the same JVM can tell when nothing is on its way ({@link Traffic}).
 * Stops on {@link #close()}.
 */
public final class LinkPump implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    /** Bytes that went through the pump so far; both only grow. */
    public record Traffic(long sent, long answered) {
    }

    private final ByteLink link;
    private final WireDevice device;
    private final Supplier<Instant> plantTime;
    private final Thread thread;
    private final Object deviceLock = new Object();
    private volatile boolean running = true;
    private volatile long sent;
    private volatile long answered;

    public LinkPump(ByteLink link, WireDevice device, Supplier<Instant> plantTime) {
        this.link = Objects.requireNonNull(link, "link");
        this.device = Objects.requireNonNull(device, "device");
        this.plantTime = Objects.requireNonNull(plantTime, "plantTime");
        thread = new Thread(this::run, "device-" + device.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        byte[] buf = new byte[512];
        while (running) {
            try {
                int n = link.read(buf, POLL);
                if (n > 0) {
                    synchronized (deviceLock) {
                        send(device.receive(Arrays.copyOf(buf, n), plantTime.get()));
                        answered += n;
                    }
                }
                tick();
                if (n == ByteLink.LOST) {
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Logger.warn(e, "virtual device {} failed", device.name());
            }
        }
    }

    /** Sends what the device has to say by itself up to the current plant time; returns once it is written. */
    public void tick() {
        synchronized (deviceLock) {
            send(device.emit(plantTime.get()));
        }
    }

    /**
     * What the pump has sent and answered. Read {@code answered} before {@code sent}: an answer is
     * counted as sent before its request is counted as answered.
     */
    public Traffic traffic() {
        long a = answered;
        return new Traffic(sent, a);
    }

    private void send(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (link.write(bytes)) {
            sent += bytes.length;
        } else {
            Logger.debug("virtual device {}: write to {} failed", device.name(), link.name());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        link.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
