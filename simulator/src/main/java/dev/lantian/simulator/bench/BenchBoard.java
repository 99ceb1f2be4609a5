package dev.lantian.simulator.bench;

import dev.lantian.agent.model.Sample;

import java.time.Instant;
import java.util.List;

/**
 * One board under load: samples go in through its pipeline, reports leave through its uplink to
 * the broker. Time is virtual (the bench feeds as fast as the board takes samples); every call is
 * made from one thread.
 */
public interface BenchBoard extends AutoCloseable {

    /** The id of channel {@code i} (0-based) on every bench board. */
    static String channelId(int i) {
        return String.format("ch%03d", i + 1);
    }

    /** The board's device id, as its reports carry it. */
    String device();

    /** The topic prefix it publishes under. */
    String topicPrefix();

    /** Connects the uplink. */
    void start();

    /** One poll's samples, all acquired at {@code t}; then lets time reach {@code t}. */
    void feed(List<Sample> samples, Instant t);

    /** Reports numbered into the outbox so far. */
    long reportsCreated();

    /** Reports not yet acknowledged by the broker. */
    long reportsPending();

    @Override
    void close();

    /** Opens board {@code index} of a bench with {@code channels} channels per board. */
    interface Factory {
        BenchBoard open(int index, int channels, String brokerUrl, Instant start) throws Exception;
    }
}
