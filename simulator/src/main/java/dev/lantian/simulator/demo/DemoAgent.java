package dev.lantian.simulator.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent's board running in the demo's JVM on the plant's time: it reads the plant's devices,
 * measures, judges the equipment and publishes reports to the broker through its real uplink.
 */
public interface DemoAgent extends AutoCloseable {

    /** Starts the board at plant time {@code start}, publishing to {@code brokerUrl}. */
    void start(String brokerUrl, Instant start);

    /** The MQTT topic prefix the board publishes under (its configuration's {@code uplink.topic_prefix}). */
    String topicPrefix();

    /** Lets the board run up to plant time {@code t}: acquisition, measurement, equipment rules, reports. */
    void advanceTo(Instant t);

    /** The board's device id (HJ 212 MN), as bureau commands must name it. */
    String deviceId();

    /** Where the bureau sends this board commands (alert level); empty when it takes none. */
    default Optional<String> commandTopic() {
        return Optional.empty();
    }

    /** Reports the board created (numbered into its outbox) since start. */
    long reportsCreated();

    /** Reports still waiting for the broker's acknowledgement. */
    long reportsPending();

    /** Stops the board cleanly: last reports out, uplink disconnected. */
    @Override
    void close();
}
