package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the equipment stage needs to continue after a restart as if it had not stopped: open
 * events (same ids), pending state candidates, the settled history the rules read, tamper latches,
 * learnt baselines and run-time counters. Plain data (records, lists, maps, nullable fields) so any
 * store can keep it; {@link SnapshotJson} is its one JSON form.
 * {@code savedAt} doubles as the board's heartbeat for {@link EquipmentMonitor#onStart}.
 *
 * <p>Version 2 carries no raw samples but the last one per channel ({@code latestSamples}, what the
 * tamper checks compare): the evidence buffer, the samples of events' evidence and the emergency
 * compliance windows are all raw samples the store already keeps, and are read back through
 * {@link RecentSamples} on restore. Events keep their metadata (channels, evidence window, whether
 * it is complete). Only latches that are active or pending are kept. Version 1 (which also carried
 * {@code evidence}, {@code limitWindows} and each event's evidence samples) is still read: those
 * fields are ignored and rebuilt from the store like a version 2's.
 */
public record MonitorSnapshot(int version, Instant savedAt, Instant now, Instant settled,
                              List<AlertChange> alerts, List<Tracker> trackers, List<StateChange> pending,
                              List<StateChange> timeline, List<EventRecord> openEvents, List<EventRecord> awaitingEvidence,
                              Map<String, Instant> lastStarts, List<SampleRecord> latestSamples,
                              Map<String, Instant> lastGood, Map<String, LatchState> latches,
                              Map<String, Baseline> baselines,
                              Map<String, Map<String, Long>> runMillis, Map<String, Instant> runningSince) {
    /** The version written. */
    public static final int VERSION = 2;
    /** The oldest version still read (boards in the field saved it before the upgrade). */
    public static final int OLDEST_READABLE = 1;

    /** A unit's state machine. */
    public record Tracker(String equipment, EquipmentState state, Instant since, EquipmentState candidate,
                          Instant candidateSince, Instant lastSampleTime, Double lastValue, boolean lastUsable,
                          Instant evaluatedAt) {
    }

    /** A debounced tamper condition, kept only while active or pending. */
    public record LatchState(boolean active, Boolean lastCondition, Instant pendingSince) {
    }

    /** One finished hour of a learnt baseline (or, in a snapshot, the part of the current hour seen so far). */
    public record HourMedian(Instant hour, double median, int count) {
    }

    /**
     * A learnt baseline. Version 2 writes the current hour as a partial {@link HourMedian} among
     * {@code hours} and leaves {@code current} empty; version 1 wrote the current hour's raw values.
     */
    public record Baseline(List<HourMedian> hours, Instant currentHour, List<Double> current) {
    }

    /** A raw sample; {@code value} null for NaN (JSON has no NaN). */
    public record SampleRecord(String channel, Instant time, Double value, QualityFlag flag) {
        static SampleRecord of(Sample s) {
            return new SampleRecord(s.channel(), s.time(), s.hasValue() ? s.value() : null, s.flag());
        }

        Sample toSample() {
            return new Sample(channel, time, value == null ? Double.NaN : value, flag);
        }
    }
}
