package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import java.util.List;

/**
 * Where raw samples are kept (for {@code storage.raw_sample_days}), exactly as acquired: every
 * sample, valid or not, before measurement judges it. The SQLite store is the real implementation.
 */
public interface SampleSink {

    /** Stores the samples of one poll; may batch internally, but loses nothing it returned from. */
    void append(List<Sample> samples);

    /** Keeps nothing (a board configured without raw-sample retention, and tests). */
    SampleSink NONE = samples -> {
    };
}
