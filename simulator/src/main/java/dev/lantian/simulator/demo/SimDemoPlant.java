package dev.lantian.simulator.demo;

import dev.lantian.simulator.plant.Plant;
import dev.lantian.simulator.plant.VirtualSite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's {@link Plant} and its {@link VirtualSite} as the demo drives them: advancing the
 * plant also applies the incident faults to the devices and feeds the streaming sensors.
 */
final class SimDemoPlant implements DemoPlant {
    private final Plant plant;
    private final VirtualSite site;
    private final Instant end;
    private final List<ExpectedViolation> expected;

    SimDemoPlant(Plant plant, VirtualSite site, Instant end, List<ExpectedViolation> expected) {
        this.plant = plant;
        this.site = site;
        this.end = end;
        this.expected = List.copyOf(expected);
    }

    @Override
    public String name() {
        return plant.scenario().name();
    }

    @Override
    public Instant start() {
        return plant.scenario().start();
    }

    @Override
    public Instant end() {
        return end;
    }

    @Override
    public void advanceTo(Instant t) {
        plant.advanceTo(t);
        site.tick();
    }

    @Override
    public List<ExpectedViolation> scriptedViolations() {
        return expected;
    }

    @Override
    public Optional<String> alertLevel() {
        return plant.alertLevel();
    }

    @Override
    public boolean brokerDown() {
        return plant.brokerDown();
    }

    Duration clockOffset() {
        return plant.clockOffset();
    }

    @Override
    public void close() {
        site.close();
    }
}
