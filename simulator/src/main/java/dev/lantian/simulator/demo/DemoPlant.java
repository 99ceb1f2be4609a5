package dev.lantian.simulator.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The virtual plant as the demo drives it: a scenario from {@link #start} to {@link #end} in plant
 * time, moved only by {@link #advanceTo}, with the violations it stages on purpose.
 */
public interface DemoPlant extends AutoCloseable {

    String name();

    Instant start();

    Instant end();

    /** Runs the plant (equipment, meters, sensors, incidents) up to plant time {@code t}. */
    void advanceTo(Instant t);

    /** What the agent must flag, with tolerances. */
    List<ExpectedViolation> scriptedViolations();

    /** The heavy-pollution alert level the scenario has the bureau order now (none, yellow, orange, red). */
    default Optional<String> alertLevel() {
        return Optional.empty();
    }

    /** Whether the scenario has the broker unreachable now (a scripted outage). */
    default boolean brokerDown() {
        return false;
    }

    @Override
    void close();
}
