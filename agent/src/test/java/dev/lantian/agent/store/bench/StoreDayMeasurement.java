package dev.lantian.agent.store.bench;

import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes the store writes per virtual day at default settings (docs/storage.md, "Bytes per day"):
 * 16 channels sampled every 5 s, raw samples kept; a real-time report every 60 s and a minute report
 * every minute (16 values each), 24 hour reports, 1 day report, 12 events; every report
 * acknowledged right after it is appended, as a connected uplink would. Prints file growth and the
 * bytes this process sent to storage ({@code write_bytes} of /proc/self/io, so WAL, checkpoints and
 * fsynced pages included). Not a test: run it by hand (command in docs/storage.md).
 *
 * <p>Arguments: database file (must not exist), number of days (default 2), then optionally
 * {@code no-ack} (reports stay pending, as with the uplink down) or {@code no-samples} (raw samples
 * not stored), to split the figure, and {@code cap=MB} (a smaller max_size_mb, to see a day of
 * steady eviction).
 */
public final class StoreDayMeasurement {
    static final int CHANNELS = 16;
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static boolean ack = true;
    static boolean samplesOn = true;

    private StoreDayMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> options = List.of(args).subList(Math.min(2, args.length), args.length);
        ack = !options.contains("no-ack");
        samplesOn = !options.contains("no-samples");
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; give a new file");
        }
        VirtualClock clock = new VirtualClock(START, ZoneOffset.UTC);
        int cap = options.stream().filter(o -> o.startsWith("cap=")).map(o -> Integer.parseInt(o.substring(4)))
                .findFirst().orElse(256);
        StoreSettings settings = StoreSettings.from(new SiteConfig.Storage(file, cap, 400, 7));
        System.out.printf("settings: %s; acknowledge: %s, raw samples: %s%n", settings, ack, samplesOn);
        try (ReportStore store = ReportStore.open(file, settings, clock)) {
            for (int day = 0; day < days; day++) {
                long[] before = io();
                long sizeBefore = store.sizeBytes();
                long nanos = System.nanoTime();
                long reports = runDay(store, clock, START.plus(Duration.ofDays(day)));
                store.flush();
                long[] after = io();
                System.out.printf("day %d: %d reports; store %d -> %d bytes (+%d, db file %d, wal %d); "
                                + "write_bytes +%d, wchar +%d, syscw +%d; %.1f s wall%n",
                        day + 1, reports, sizeBefore, store.sizeBytes(), store.sizeBytes() - sizeBefore,
                        Files.size(file), walSize(file), after[0] - before[0], after[1] - before[1],
                        after[2] - before[2], (System.nanoTime() - nanos) / 1e9);
            }
        }
        System.out.printf("closed: db file %d bytes, wal %d bytes%n", Files.size(file), walSize(file));
    }

    static long runDay(ReportStore store, VirtualClock clock, Instant dayStart) {
        long reports = 0;
        for (int tick = 0; tick < 17_280; tick++) {
            Instant t = dayStart.plusSeconds(5L * tick);
            clock.set(t);
            List<Sample> samples = new ArrayList<>(CHANNELS);
            for (int ch = 0; ch < CHANNELS; ch++) {
                samples.add(Sample.normal("ch" + ch, t, 10 + ch + (tick % 17) * 0.1));
            }
            if (samplesOn) {
                store.appendSamples(samples);
            }
            if (tick % 12 == 11) {
                Instant minuteStart = t.minusSeconds(55);
                reports += appendAndAck(store, List.of(realtime(t)));
                reports += appendAndAck(store, List.of(period(ReportKind.MINUTE, minuteStart, Duration.ofMinutes(1), t)));
                int minute = (tick + 1) / 12;
                if (minute % 60 == 0) {
                    reports += appendAndAck(store, List.of(period(ReportKind.HOUR, t.plusSeconds(5).minusSeconds(3600),
                            Duration.ofHours(1), t)));
                }
                if (minute % 120 == 7) {
                    reports += appendAndAck(store, List.of(event(t)));
                }
                if (minute == 1440) {
                    reports += appendAndAck(store, List.of(period(ReportKind.DAY, dayStart, Duration.ofDays(1), t)));
                }
            }
        }
        return reports;
    }

    static long appendAndAck(ReportStore store, List<ReportDraft> drafts) {
        List<Report> stored = store.append(drafts);
        for (Report r : ack ? stored : List.<Report>of()) {
            store.acknowledge(r.device(), r.sequence());
        }
        return stored.size();
    }

    static ReportDraft realtime(Instant t) {
        List<ReportValue> v = new ArrayList<>();
        for (int ch = 0; ch < CHANNELS; ch++) {
            v.add(ReportValue.realtime("ch" + ch, "a" + (34000 + ch), "mg/m3", 10.25 + ch, QualityFlag.N));
        }
        return new ReportDraft("MN-DAY", ReportKind.REALTIME, null, null, t, ClockQuality.SYNCED, v, null);
    }

    static ReportDraft period(ReportKind kind, Instant start, Duration length, Instant acquired) {
        List<ReportValue> v = new ArrayList<>();
        for (int ch = 0; ch < CHANNELS; ch++) {
            v.add(new ReportValue("ch" + ch, "a" + (34000 + ch), "mg/m3", Double.NaN, 10.125 + ch, 9.5 + ch,
                    11.75 + ch, Double.NaN, 12, QualityFlag.N, true));
        }
        return new ReportDraft("MN-DAY", kind, start, start.plus(length), acquired, ClockQuality.SYNCED, v, null);
    }

    static ReportDraft event(Instant t) {
        return new ReportDraft("MN-DAY", ReportKind.EVENT, null, null, t, ClockQuality.SYNCED, List.of(),
                new ReportEvent("ev-" + t.getEpochSecond(), "linkage.treatment-not-running", "fan-1", "violation", t,
                        null, "production running while treatment is off"));
    }

    static long walSize(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** write_bytes, wchar, syscw of this process. */
    static long[] io() throws IOException {
        long[] out = new long[3];
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            String[] kv = line.split(":\\s*");
            switch (kv[0]) {
                case "write_bytes" -> out[0] = Long.parseLong(kv[1].trim());
                case "wchar" -> out[1] = Long.parseLong(kv[1].trim());
                case "syscw" -> out[2] = Long.parseLong(kv[1].trim());
                default -> { }
            }
        }
        return out;
    }
}
