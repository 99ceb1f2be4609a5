package dev.lantian.agent.assembly;

import dev.lantian.agent.acquire.DeviceCounters;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.equipment.AlertSource;
import dev.lantian.agent.equipment.EquipmentMonitor;
import dev.lantian.agent.equipment.EventNotice;
import dev.lantian.agent.equipment.MonitorSettings;
import dev.lantian.agent.equipment.MonitorSink;
import dev.lantian.agent.equipment.MonitorSnapshot;
import dev.lantian.agent.equipment.MonitorStateStore;
import dev.lantian.agent.equipment.RecentSamples;
import dev.lantian.agent.equipment.StateChange;
import dev.lantian.agent.measure.MeasureOutput;
import dev.lantian.agent.measure.MeasurementStage;
import dev.lantian.agent.measure.Rejected;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.report.ReportBuilder;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.SampleSink;
import dev.lantian.agent.uplink.CommandTarget;
import dev.lantian.agent.uplink.Uplink;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The synchronous core of a running board: samples and ticks in; raw samples to the {@link SampleSink},
 * reports to the {@link Outbox}, a {@link Uplink#wake()} after each append. Both the measurement and the
 * equipment stage see every sample and every tick; the {@link ReportBuilder} turns what they hand on into
 * report drafts, appended in one transaction per call. Bureau commands enter through {@link CommandTarget}.
 *
 * <p>Every entry point is synchronized: acquisition lines deliver from their own threads, a ticker calls
 * {@link #tick} about once a second, the uplink delivers commands, the console reads {@link #view}.
 * Stages are judged {@link PipelineSettings#flushLag()} behind the tick's time, so a sample from a slow
 * poll still counts in its period.
 */
public final class Pipeline implements CommandTarget {
    private final MeasurementStage stage;
    private final EquipmentMonitor monitor;
    private final MonitorStateStore monitorState;
    private final AliveMarker alive;
    private final ReportBuilder reports;
    private final ClockQualitySource clockQuality;
    private final StoreGate store;
    private final Uplink uplink;
    private final Supplier<List<DeviceCounters>> acquisition;
    private final PipelineSettings settings;
    private Instant nextHeartbeat;
    private Instant nextStateSave;
    private Instant nextAliveMark;
    private Instant lastTick;
    private long sampleCount;
    private long rejectedCount;

    /** What a pipeline is made of; the board builds these from the site configuration. */
    public record Parts(MeasurementStage stage, MonitorSettings monitor, MonitorStateStore monitorState,
                       RecentSamples recentSamples, AliveMarker alive, ReportBuilder reports, ClockQualitySource clockQuality, Outbox outbox, SampleSink samples,
                       Uplink uplink, Supplier<List<DeviceCounters>> acquisition) {
        public Parts {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(monitor, "monitor");
            Objects.requireNonNull(monitorState, "monitorState");
            Objects.requireNonNull(recentSamples, "recentSamples");
            Objects.requireNonNull(alive, "alive");
            Objects.requireNonNull(reports, "reports");
            Objects.requireNonNull(clockQuality, "clockQuality");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(uplink, "uplink");
            Objects.requireNonNull(acquisition, "acquisition");
        }

        /**
         * The stages of the site's board, mapped from its configuration.
         *
         * @param recentSamples  where the equipment monitor reads back, on restore, the raw samples its
         *                       snapshot leaves out: the store that {@code samples} writes to
         * @param monotonicNanos a clock that never steps, for clock-step detection (System::nanoTime on a
         *                       real board); null on a virtual clock
         */
        public static Parts forSite(SiteConfig config, ClockQualitySource clockQuality, MonitorStateStore monitorState,
                                    RecentSamples recentSamples, AliveMarker alive, Outbox outbox, SampleSink samples, Uplink uplink,
                                    Supplier<List<DeviceCounters>> acquisition, LongSupplier monotonicNanos) {
            return new Parts(new MeasurementStage(StageSettings.measure(config), monotonicNanos),
                    StageSettings.monitor(config), monitorState, recentSamples, alive, ReportBuilder.forSite(config, clockQuality),
                    clockQuality, outbox, samples, uplink, acquisition);
        }
    }

    /**
     * Starts at {@code now}, continuing the equipment monitor from its saved snapshot when there is one
     * (open events keep their ids; a board down longer than the power-loss threshold reports a power
     * loss from the last save). A snapshot that cannot be read is logged and the monitor starts afresh:
     * a board that refuses to run over a damaged state file would lose far more than the open events.
     */
    public Pipeline(Parts parts, PipelineSettings settings, Instant now) {
        this.stage = parts.stage();
        this.monitorState = parts.monitorState();
        this.alive = parts.alive();
        this.reports = parts.reports();
        this.clockQuality = parts.clockQuality();
        this.uplink = parts.uplink();
        this.store = new StoreGate(parts.outbox(), parts.samples(), parts.uplink());
        this.acquisition = parts.acquisition();
        this.settings = Objects.requireNonNull(settings, "settings");
        MonitorSink sink = new MonitorSink() {
            @Override
            public void onEvent(EventNotice notice) {
                store.addAll(reports.equipment(notice));
            }

            @Override
            public void onStateChange(StateChange change) {
                store.add(reports.stateChange(change));
            }
        };
        Optional<MonitorSnapshot> saved = loadSnapshot();
        synchronized (this) {
            this.monitor = saved.map(s -> EquipmentMonitor.restore(parts.monitor(), sink, s, parts.recentSamples()))
                    .orElseGet(() -> new EquipmentMonitor(parts.monitor(), sink, now));
            monitor.onStart(lastAlive(saved), now);
            this.nextHeartbeat = now;
            this.nextStateSave = now;
            this.nextAliveMark = now;
            this.lastTick = now;
            store.publish();
        }
    }

    /** One sample (tests, replays); the board delivers a poll's samples together through {@link #acceptAll}. */
    public void accept(Sample sample) {
        acceptAll(List.of(sample));
    }

    /** The samples of one poll: stored raw, then measured and judged, then reported. */
    public synchronized void acceptAll(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        store.storeRaw(batch);
        for (Sample s : batch) {
            sampleCount++;
            reports.sampleSeen(s);
            List<MeasureOutput> outputs = stage.accept(s);
            for (MeasureOutput o : outputs) {
                if (o instanceof Rejected) {
                    rejectedCount++;
                }
            }
            store.addAll(reports.measured(outputs));
            monitor.onSample(s);
        }
        store.publish();
    }

    /**
     * Lets time pass: closes every period that ended {@link PipelineSettings#flushLag()} before
     * {@code now} (one report per kind and period), emits due real-time reports, lets the equipment
     * monitor confirm dwell, staleness and graces, and sends the heartbeat when it is due.
     */
    public synchronized void tick(Instant now) {
        lastTick = now.isAfter(lastTick) ? now : lastTick;
        Instant until = now.minus(settings.flushLag());
        store.addAll(reports.measured(stage.flush(until)));
        store.addAll(reports.complete(until));
        monitor.tick(until);
        if (!now.isBefore(nextHeartbeat)) {
            PipelineView v = view();
            store.add(reports.heartbeat(now, Heartbeat.values(v), Heartbeat.detail(v)));
            nextHeartbeat = now.plus(settings.heartbeat());
        }
        if (!now.isBefore(nextStateSave)) {
            saveSnapshot(now);
            nextStateSave = now.plus(settings.stateSave());
        }
        if (!now.isBefore(nextAliveMark)) {
            alive.mark(now);
            nextAliveMark = now.plus(settings.aliveMark());
        }
        store.publish();
    }

    /** An alert level from the bureau; the emergency rules judge from {@code at}. */
    @Override
    public synchronized void setAlertLevel(AlertLevel level, Instant at) {
        monitor.setAlertLevel(level, AlertSource.BUREAU, at);
        store.publish();
    }

    /** The technician set the alert level on the local console. */
    public synchronized void setAlertLevelLocally(AlertLevel level, Instant at) {
        monitor.setAlertLevel(level, AlertSource.LOCAL, at);
        store.publish();
    }

    /** The board's clock was stepped (NTP, a bureau time command): every stage and the clock quality learn of it. */
    public synchronized void clockStepped(Instant before, Instant after) {
        clockQuality.stepped(before, after);
        stage.clockStepped(before, after);
        monitor.onClockStep(before, after);
        store.publish();
    }

    public synchronized PipelineView view() {
        return new PipelineView(lastTick, acquisition.get(), stage.currentView(lastTick), monitor.currentView(),
                uplink.view(), sampleCount, rejectedCount, store.appended(), store.held(), store.failures(), store.dropped());
    }

    /**
     * Saves the equipment monitor's state so a restart continues it. Periods still open in the
     * measurement stage are not saved: their samples are kept raw, but a restart reports those periods
     * from the samples that arrive after it.
     */
    public synchronized void shutdown(Instant now) {
        store.publish();
        saveSnapshot(now);
        alive.mark(now);
    }

    /** The later of the last alive mark and the snapshot's save: where a power loss began. */
    private Optional<Instant> lastAlive(Optional<MonitorSnapshot> saved) {
        Optional<Instant> mark = alive.last();
        Optional<Instant> save = saved.map(MonitorSnapshot::savedAt);
        if (mark.isPresent() && save.isPresent()) {
            return Optional.of(mark.get().isAfter(save.get()) ? mark.get() : save.get());
        }
        return mark.isPresent() ? mark : save;
    }

    private Optional<MonitorSnapshot> loadSnapshot() {
        try {
            return monitorState.load();
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "equipment state cannot be read; the monitor starts afresh (open events are lost)");
            return Optional.empty();
        }
    }

    private void saveSnapshot(Instant now) {
        try {
            monitorState.save(monitor.snapshot(now));
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "equipment state not saved; a restart would lose open events");
        }
    }
}
