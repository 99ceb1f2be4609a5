package dev.lantian.agent.assembly;

import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.SampleSink;
import dev.lantian.agent.uplink.Uplink;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Where the pipeline hands its output to the store. A store that refuses (full, disk error) must not
 * stop acquisition or lose reports: drafts are held and appended with the next batch, up to
 * {@link #MAX_HELD}; beyond that the oldest are dropped, counted and logged. Raw samples a store
 * refuses are counted (they are still measured and reported). Each streak of refusals is logged once,
 * not every second. Not thread-safe: the pipeline serialises.
 */
final class StoreGate {
    /** Reports held at most while the store refuses appends (a day of minute reports is ~150). */
    static final int MAX_HELD = 10_000;

    private final Outbox outbox;
    private final SampleSink samples;
    private final Uplink uplink;
    private final List<ReportDraft> drafts = new ArrayList<>();
    private long appended;
    private long failures;
    private long dropped;
    private boolean reportsRefused;
    private boolean samplesRefused;

    StoreGate(Outbox outbox, SampleSink samples, Uplink uplink) {
        this.outbox = outbox;
        this.samples = samples;
        this.uplink = uplink;
    }

    void add(ReportDraft draft) {
        drafts.add(draft);
    }

    void addAll(List<ReportDraft> more) {
        drafts.addAll(more);
    }

    /** Appends every waiting draft in one transaction and wakes the uplink; on refusal holds them. */
    void publish() {
        if (drafts.isEmpty()) {
            return;
        }
        List<ReportDraft> batch = List.copyOf(drafts);
        try {
            outbox.append(batch);
        } catch (RuntimeException e) {
            failures++;
            if (!reportsRefused) {
                Logger.error(e, "{} reports not stored, held for the next attempt", batch.size());
                reportsRefused = true;
            }
            int excess = drafts.size() - MAX_HELD;
            if (excess > 0) {
                drafts.subList(0, excess).clear();
                dropped += excess;
                Logger.error("{} reports dropped: the store refused them for too long", excess);
            }
            return;
        }
        if (reportsRefused) {
            Logger.info("the store accepts reports again; {} held reports stored", batch.size());
            reportsRefused = false;
        }
        drafts.clear();
        appended += batch.size();
        uplink.wake();
    }

    void storeRaw(List<Sample> batch) {
        try {
            samples.append(batch);
            if (samplesRefused) {
                Logger.info("the store accepts raw samples again");
                samplesRefused = false;
            }
        } catch (RuntimeException e) {
            failures++;
            if (!samplesRefused) {
                Logger.error(e, "raw samples not stored until the store accepts them again; they are still measured and reported");
                samplesRefused = true;
            }
        }
    }

    long appended() {
        return appended;
    }

    long held() {
        return drafts.size();
    }

    long failures() {
        return failures;
    }

    long dropped() {
        return dropped;
    }
}
