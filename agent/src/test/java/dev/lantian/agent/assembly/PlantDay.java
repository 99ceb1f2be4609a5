package dev.lantian.agent.assembly;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.InMemoryMonitorStateStore;
import dev.lantian.agent.equipment.MonitorStateStore;
import dev.lantian.agent.equipment.RecentSamples;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bag-filter plant's scripted morning ({@link FilterStopDay}: the filter stops 10:00–10:20 while
 * line 1 runs) plus a stockpile PM10 exceedance (200 µg/m³ from 09:30 to 09:45, 100 otherwise), fed
 * through a {@link Pipeline} on a virtual clock: the samples of each instant, then a tick at that
 * instant; after the last sample, a tick a minute until the day's report is out.
 */
final class PlantDay {
    static final Path CONFIG = Path.of("examples/bag-filter-plant.yaml");
    static final Instant START = FilterStopDay.START.toInstant();
    static final Instant DAY_END = FilterStopDay.START.toLocalDate().plusDays(1).atStartOfDay(FilterStopDay.SHANGHAI).toInstant();

    final SiteConfig config;
    final VirtualClock clock = new VirtualClock(START, FilterStopDay.SHANGHAI);
    /** The store stamps its own time, 3 s after the pipeline's (a busy board): never to be confused with acquisition. */
    final MemoryOutbox outbox = new MemoryOutbox(java.time.Clock.offset(clock, Duration.ofSeconds(3)));
    final RecordingUplink uplink = new RecordingUplink();
    final List<Sample> stored = new ArrayList<>();
    final MonitorStateStore monitorState;
    final Pipeline pipeline;

    PlantDay() throws Exception {
        this(new InMemoryMonitorStateStore());
    }

    PlantDay(MonitorStateStore monitorState) throws Exception {
        this(monitorState, ClockQualitySource.fixed(ClockQuality.SYNCED));
    }

    PlantDay(MonitorStateStore monitorState, ClockQualitySource quality) throws Exception {
        this.config = ConfigLoader.load(CONFIG);
        this.monitorState = monitorState;
        this.pipeline = new Pipeline(Pipeline.Parts.forSite(config, quality,
                monitorState, RecentSamples.NONE, AliveMarker.inMemory(), outbox, stored::addAll, uplink, List::of, null), PipelineSettings.defaults(), START);
    }

    static Instant at(String localTime) {
        return LocalDateTime.parse("2026-11-10T" + localTime).atZone(FilterStopDay.SHANGHAI).toInstant();
    }

    /** Every scripted sample, by time, in the order the CSV and the PM10 script give them. */
    static TreeMap<Instant, List<Sample>> samples() {
        TreeMap<Instant, List<Sample>> byTime = new TreeMap<>();
        for (String line : FilterStopDay.generate().split("\n")) {
            if (line.startsWith("channel,")) {
                continue;
            }
            String[] f = line.split(",");
            Instant t = OffsetDateTime.parse(f[1]).toInstant();
            byTime.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(new Sample(f[0], t, Double.parseDouble(f[2]), QualityFlag.valueOf(f[3])));
        }
        for (Instant t = START; t.isBefore(START.plus(FilterStopDay.LENGTH)); t = t.plusSeconds(10)) {
            boolean high = !t.isBefore(at("09:30")) && t.isBefore(at("09:45"));
            byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(Sample.normal("stockpile-pm10", t, high ? 200 : 100));
        }
        return byTime;
    }

    /** Feeds the samples up to (excluding) {@code until}, with a tick at every sample instant. */
    PlantDay runUntil(Instant until) {
        for (Map.Entry<Instant, List<Sample>> e : samples().headMap(until).entrySet()) {
            if (e.getKey().isBefore(clock.instant())) {
                continue;
            }
            clock.set(e.getKey());
            pipeline.acceptAll(e.getValue());
            pipeline.tick(e.getKey());
        }
        return this;
    }

    /** All samples, then a tick a minute until the day's report is out. */
    PlantDay runDay() {
        runUntil(START.plus(FilterStopDay.LENGTH));
        Instant end = DAY_END.plus(Duration.ofMinutes(1));
        for (Instant t = clock.instant().plusSeconds(60); !t.isAfter(end); t = t.plusSeconds(60)) {
            clock.set(t);
            pipeline.tick(t);
        }
        return this;
    }

    List<Report> reports() {
        return outbox.oldestPending(Integer.MAX_VALUE);
    }

    List<Report> reports(ReportKind kind) {
        return reports().stream().filter(r -> r.kind() == kind).toList();
    }
}
