package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario DSL for the bag-filter plant on a virtual clock: {@code plant.at("08:00").power("line1", 60)}
 * runs the plant up to 08:00 (every meter reporting every 5 s what it was last told, then a tick), and
 * from 08:00 on line1 draws 60 kW. Currents follow power unless pinned; voltages are 230 V unless set.
 */
final class Plant implements MonitorSink {
    static final Duration STEP = Duration.ofSeconds(5);
    private static final Map<String, String> PREFIX = Map.of("line1", "line1", "line2", "line2", "bag-filter", "filter");

    private final MonitorSettings settings;
    private final VirtualClock clock;
    private LocalDate day;
    private EquipmentMonitor monitor;
    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, QualityFlag> flags = new HashMap<>();
    private final Set<String> silent = new HashSet<>();
    private final Set<String> pinned = new HashSet<>();
    final List<EventNotice> notices = new ArrayList<>();
    final List<StateChange> changes = new ArrayList<>();
    private Path stateFile;
    /** What the board's store would keep of every sample fed: read back on restart. */
    final InMemoryRecentSamples stored = new InMemoryRecentSamples();
    private RecentSamples storeAtRestart = stored;
    private boolean ticks = true;

    Plant(MonitorSettings settings, LocalDate day, String startTime) {
        this.settings = settings;
        this.day = day;
        Instant start = instant(startTime);
        this.clock = new VirtualClock(start, settings.zone());
        this.monitor = new EquipmentMonitor(settings, this, start);
        for (EquipmentSettings e : settings.equipment()) {
            e.measuredBy().all().forEach(c -> values.put(c, c.contains("-u") ? 230.0 : 0.0));
        }
    }

    static Plant bagFilter(String startTime) {
        return new Plant(BagFilterPlant.settings(), LocalDate.of(2026, 11, 10), startTime);
    }

    Plant persistingTo(Path file) {
        this.stateFile = file;
        return this;
    }

    // --- the plant's day -----------------------------------------------------------------------

    /** Runs the plant until {@code time} (exclusive) on the current day, or "+1d 02:00" for the next day. */
    Plant at(String time) {
        Instant until = instant(time);
        assertThat(until).as("scenario time goes forward").isAfterOrEqualTo(clock.instant());
        while (clock.instant().isBefore(until)) {
            step(clock.instant());
            clock.advance(STEP);
        }
        return this;
    }

    private void step(Instant t) {
        for (EquipmentSettings e : settings.equipment()) {
            if (silent.contains(e.id())) {
                continue;
            }
            for (String c : e.measuredBy().all()) {
                QualityFlag f = flags.getOrDefault(e.id(), QualityFlag.N);
                double v = f == QualityFlag.B ? Double.NaN : values.get(c);
                Sample s = new Sample(c, t, v, f);
                stored.addAll(List.of(s));
                monitor.onSample(s);
            }
        }
        if (ticks) {
            monitor.tick(t);
        }
    }

    /** Feeds samples only, as a replay of recorded samples would. */
    Plant withoutTicks() {
        ticks = false;
        return this;
    }

    Plant power(String equipment, double kw) {
        values.put(PREFIX.get(equipment) + "-power", kw);
        if (!pinned.contains(equipment)) {
            values.put(PREFIX.get(equipment) + "-ia", kw * 1.6);
        }
        return this;
    }

    /** Pins the phase-1 current, whatever the power says (a removed or shorted clamp). */
    Plant current(String equipment, double amps) {
        pinned.add(equipment);
        values.put(PREFIX.get(equipment) + "-ia", amps);
        return this;
    }

    Plant voltage(String channel, double volts) {
        values.put(channel, volts);
        return this;
    }

    Plant silent(String equipment, boolean silence) {
        if (silence) {
            silent.add(equipment);
        } else {
            silent.remove(equipment);
        }
        return this;
    }

    Plant flagged(String equipment, QualityFlag flag) {
        flags.put(equipment, flag);
        return this;
    }

    Plant alert(AlertLevel level, AlertSource source) {
        monitor.setAlertLevel(level, source, clock.instant());
        return this;
    }

    /** The board's clock jumps by {@code by}; the meters keep reporting at the new time. */
    Plant clockStep(Duration by) {
        Instant before = clock.instant();
        clock.set(before.plus(by));
        monitor.onClockStep(before, clock.instant());
        return this;
    }

    /** Saves the stage's state, throws the instance away and continues with a new one from the file. */
    Plant restart() {
        return restartAfter(Duration.ZERO);
    }

    /** As {@link #restart()}, the board being down (no samples, no ticks) for {@code downtime}. */
    Plant restartAfter(Duration downtime) {
        try {
            MonitorStateStore store = new JsonFileMonitorStateStore(stateFile);
            store.save(monitor.snapshot(clock.instant()));
            monitor = null;
            clock.advance(downtime);
            MonitorSnapshot loaded = store.load().orElseThrow();
            monitor = EquipmentMonitor.restore(settings, this, loaded, storeAtRestart);
            monitor.onStart(Optional.of(loaded.savedAt()), clock.instant());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Continues from a snapshot saved elsewhere (a fixture, another plant's), at this plant's time. */
    Plant resumeFrom(MonitorSnapshot saved) {
        monitor = EquipmentMonitor.restore(settings, this, saved, storeAtRestart);
        monitor.onStart(Optional.of(saved.savedAt()), clock.instant());
        return this;
    }

    /** Restarts read back nothing: a board without a sample store. */
    Plant withoutSampleStore() {
        storeAtRestart = RecentSamples.NONE;
        return this;
    }

    EquipmentMonitor monitor() {
        return monitor;
    }

    // --- what the stage said -------------------------------------------------------------------

    @Override
    public void onEvent(EventNotice notice) {
        notices.add(notice);
    }

    @Override
    public void onStateChange(StateChange change) {
        changes.add(change);
    }

    /** Every event in its latest form. */
    List<EquipmentEvent> events() {
        Map<String, EquipmentEvent> latest = new LinkedHashMap<>();
        notices.forEach(n -> latest.put(n.event().id(), n.event()));
        return List.copyOf(latest.values());
    }

    List<EquipmentEvent> events(String rule) {
        return events().stream().filter(e -> e.rule().equals(rule)).toList();
    }

    EquipmentEvent single(String rule) {
        List<EquipmentEvent> l = events(rule);
        assertThat(l).as("events of rule %s among %s", rule, events()).hasSize(1);
        return l.get(0);
    }

    List<StateChange> changesOf(String equipment) {
        return changes.stream().filter(c -> c.equipment().equals(equipment)).toList();
    }

    Instant instant(String time) {
        String t = time;
        LocalDate d = day;
        if (t.startsWith("+1d ")) {
            d = d.plusDays(1);
            t = t.substring(4);
        }
        return LocalTime.parse(t).atDate(d).atZone(settings.zone()).toInstant();
    }

    Instant now() {
        return clock.instant();
    }
}
