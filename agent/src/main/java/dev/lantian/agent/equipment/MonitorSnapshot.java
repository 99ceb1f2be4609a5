package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the equipment stage needs to continue after a restart as if it had not stopped: open
 * events (same ids), pending state candidates, the settled history the rules read, evidence buffers,
 * tamper latches, emergency windows, learnt baselines and run-time counters. Plain data (records,
 * lists, maps, nullable fields) so any store can keep it; {@link JsonFileMonitorStateStore} writes JSON.
 * {@code savedAt} doubles as the board's heartbeat for {@link EquipmentMonitor#onStart}.
 */
public record MonitorSnapshot(int version, Instant savedAt, Instant now, Instant settled,
                              List<AlertChange> alerts, List<Tracker> trackers, List<StateChange> pending,
                              List<StateChange> timeline, List<EventRecord> openEvents, List<EventRecord> awaitingEvidence,
                              Map<String, Instant> lastStarts, List<SampleRecord> evidence, List<SampleRecord> latestSamples,
                              Map<String, Instant> lastGood, Map<String, LatchState> latches,
                              Map<String, List<PowerPoint>> limitWindows, Map<String, Baseline> baselines,
                              Map<String, Map<String, Long>> runMillis, Map<String, Instant> runningSince) {
    public static final int VERSION = 1;

    /** A unit's state machine. */
    public record Tracker(String equipment, EquipmentState state, Instant since, EquipmentState candidate,
                          Instant candidateSince, Instant lastSampleTime, Double lastValue, boolean lastUsable,
                          Instant evaluatedAt) {
    }

    /** A debounced tamper condition. */
    public record LatchState(boolean active, Boolean lastCondition, Instant pendingSince) {
    }

    /** One power value in an emergency compliance window. */
    public record PowerPoint(Instant time, double value) {
    }

    /** One finished hour of a learnt baseline. */
    public record HourMedian(Instant hour, double median, int count) {
    }

    /** A learnt baseline: finished hours and the raw values of the current one. */
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
