package dev.lantian.simulator.device;

import dev.lantian.hardware.serial.MemoryByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The in-process stand-in for a pty when socat is missing: the agent's driver gets {@link #link()},
 * a {@link MemoryByteLink} whose writes the device answers at once, and {@link #tick()} (called by
 * the plant driver) feeds what streaming sensors send by themselves. Usable only by an agent in the
 * same JVM.
 */
public final class MemoryEndpoint {
    private final MemoryByteLink link;
    private final WireDevice device;
    private final Supplier<Instant> plantTime;

    public MemoryEndpoint(WireDevice device, BoardClock agentClock, Supplier<Instant> plantTime) {
        this.device = Objects.requireNonNull(device, "device");
        this.plantTime = Objects.requireNonNull(plantTime, "plantTime");
        this.link = new MemoryByteLink(agentClock, "memory:" + device.name());
        link.respond(w -> {
            byte[] answer = device.receive(w, plantTime.get());
            return answer.length == 0 ? List.of() : List.of(answer);
        });
    }

    /** The link to hand to the agent's driver. */
    public MemoryByteLink link() {
        return link;
    }

    public WireDevice device() {
        return device;
    }

    /** Feeds the device's spontaneous bytes (if any) up to the current plant time. */
    public void tick() {
        byte[] b = device.emit(plantTime.get());
        if (b.length > 0) {
            link.feed(b);
        }
    }
}
