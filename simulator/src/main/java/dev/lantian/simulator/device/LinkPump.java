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
 * daemon thread reads what the master sent, writes the device's answers, and writes what the device
 * sends by itself as plant time passes. Stops on {@link #close()}.
 */
public final class LinkPump implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(10);

    private final ByteLink link;
    private final WireDevice device;
    private final Supplier<Instant> plantTime;
    private final Thread thread;
    private volatile boolean running = true;

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
                    send(device.receive(Arrays.copyOf(buf, n), plantTime.get()));
                }
                send(device.emit(plantTime.get()));
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

    private void send(byte[] bytes) {
        if (bytes.length > 0 && !link.write(bytes)) {
            Logger.debug("virtual device {}: write to {} failed", device.name(), link.name());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
