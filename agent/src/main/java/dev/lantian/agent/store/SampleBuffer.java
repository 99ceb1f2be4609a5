package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import org.tinylog.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw samples waiting to be committed in one batch (an SD card prefers one transaction a minute to
 * one a sample). When the store cannot take them (full disk) they wait for the next try; beyond
 * ten batches the oldest are dropped and counted.
 */
final class SampleBuffer {
    private final StoreSettings settings;
    private final List<Sample> waiting = new ArrayList<>();
    private Instant since;
    private long dropped;
    private long duplicates;

    SampleBuffer(StoreSettings settings) {
        this.settings = settings;
    }

    /** Adds; true when the batch is due (size reached or the oldest waited the interval). */
    boolean add(List<Sample> samples, Instant now) {
        if (waiting.isEmpty() && !samples.isEmpty()) {
            since = now;
        }
        waiting.addAll(samples);
        return !waiting.isEmpty() && (waiting.size() >= settings.sampleBatch()
                || !now.isBefore(since.plus(settings.sampleBatchInterval())));
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    List<Sample> contents() {
        return List.copyOf(waiting);
    }

    void committed(int count, int duplicateCount) {
        waiting.subList(0, count).clear();
        duplicates += duplicateCount;
        if (duplicateCount > 0) {
            Logger.warn("{} raw samples repeated a channel's time to the millisecond and were not stored again", duplicateCount);
        }
        since = waiting.isEmpty() ? null : since;
    }

    /** After a failed commit: keeps the samples for the next try, within the cap. */
    void keepAfterFailure() {
        int cap = settings.sampleBatch() * 10;
        if (waiting.size() > cap) {
            int excess = waiting.size() - cap;
            waiting.subList(0, excess).clear();
            dropped += excess;
            Logger.error("{} raw samples dropped: the store could not take them and the buffer is full", excess);
        }
    }

    long dropped() {
        return dropped;
    }

    long duplicates() {
        return duplicates;
    }
}
