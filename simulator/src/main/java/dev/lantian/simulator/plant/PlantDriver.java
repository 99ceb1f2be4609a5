package dev.lantian.simulator.plant;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Runs a plant live: a daemon thread advances it to the {@link PlantClock}'s time every few
 * milliseconds of wall time, applies incident faults to the devices, and stops at the scenario end
 * (the devices keep serving the last state).
 */
public final class PlantDriver implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofMillis(20);

    private final Plant plant;
    private final PlantClock clock;
    private final VirtualSite site;
    private final Thread thread;
    private volatile boolean running = true;

    public PlantDriver(Plant plant, PlantClock clock, VirtualSite site) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.site = Objects.requireNonNull(site, "site");
        thread = new Thread(this::run, "plant-driver");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Instant end = plant.scenario().end();
        while (running) {
            Instant t = clock.now();
            plant.advanceTo(t.isAfter(end) ? end : t);
            site.tick();
            if (!t.isBefore(end)) {
                running = false;
                return;
            }
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether the plant has reached the scenario end (or was stopped). */
    public boolean finished() {
        return !thread.isAlive();
    }

    /** Waits for the scenario end, at most {@code limit}. */
    public void await(Duration limit) throws InterruptedException {
        thread.join(Math.max(1, limit.toMillis()));
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
    }
}
