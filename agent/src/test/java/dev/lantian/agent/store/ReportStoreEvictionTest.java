package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The size cap evicts in the documented order and says so; the age limits delete old records. */
class ReportStoreEvictionTest {
    static final List<ReportKind> PERIODS = List.of(ReportKind.REALTIME, ReportKind.MINUTE, ReportKind.HOUR, ReportKind.DAY);
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    ReportStore open(int maxMb, int maxAgeDays) {
        Path file = dir.resolve("lantian.db");
        return ReportStore.open(file, new StoreSettings(file, maxMb, maxAgeDays, 7, 500, Duration.ofSeconds(60),
                Duration.ofHours(1), "MN-AGENT"), clock);
    }

    /** Counts of device A's records per tier of the documented order. */
    static long[] tiers(Peek p) throws Exception {
        long[] t = new long[11];
        t[0] = p.samples();
        for (int acked = 0; acked < 2; acked++) {
            int base = 1 + acked * 5;
            boolean isAcked = acked == 0;
            for (int k = 0; k < 4; k++) {
                t[base + k] = p.reports("A", PERIODS.get(k), isAcked);
            }
            t[base + 4] = p.reports("A", ReportKind.EVENT, isAcked);
        }
        return t;
    }

    void fill(ReportStore store, boolean ack) {
        List<ReportDraft> d = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant t = T0.plus(Duration.ofMinutes(i));
            d.add(Drafts.realtime("A", t, 16));
            d.add(Drafts.minute("A", t, 16));
            d.add(Drafts.period("A", ReportKind.HOUR, t, Duration.ofHours(1)));
            d.add(Drafts.period("A", ReportKind.DAY, t, Duration.ofDays(1)));
            d.add(Drafts.event("A", ReportKind.EVENT, t, "linkage"));
        }
        for (Report r : store.append(d)) {
            if (ack) {
                store.acknowledge(r.device(), r.sequence());
            }
        }
    }

    @Test
    void sizeCapEvictsInTheDocumentedOrderRaisesAlarmsAndNeverDropsUnsentSilently() throws Exception {
        try (ReportStore store = open(1, 400); Peek peek = new Peek(dir.resolve("lantian.db"))) {
            for (int tick = 0; tick < 400; tick++) {
                List<Sample> s = new ArrayList<>();
                for (int ch = 0; ch < 16; ch++) {
                    s.add(Sample.normal("ch" + ch, T0.plusSeconds(5L * tick), ch));
                }
                store.appendSamples(s);
            }
            store.flush();
            fill(store, true);
            fill(store, false);
            long[] initial = tiers(peek);
            assertThat(initial).doesNotContain(0L);
            Map<String, Report> alarms = new LinkedHashMap<>();
            String filler = "x".repeat(20_000);
            for (int i = 0; tiers(peek)[10] == initial[10]; i++) {
                if (i > 2000) {
                    fail("the last tier was never reached: " + java.util.Arrays.toString(tiers(peek)));
                }
                ReportDraft big = new ReportDraft("F", ReportKind.EVENT, null, null, clock.instant(), ClockQuality.SYNCED,
                        List.of(), new ReportEvent("f" + i, "tamper", "meter-1", "info", clock.instant(), null, filler));
                store.append(List.of(big));
                assertThat(store.sizeBytes()).as("within the cap after append %d", i).isLessThanOrEqualTo(1 << 20);
                long[] now = tiers(peek);
                for (int k = 0; k < now.length; k++) {
                    if (now[k] < initial[k]) {
                        for (int j = 0; j < k; j++) {
                            assertThat(now[j]).as("tier %d empty before tier %d is touched: %s", j, k,
                                    java.util.Arrays.toString(now)).isZero();
                        }
                    }
                }
                for (Report a : store.history("MN-AGENT", T0, clock.instant().plusSeconds(1), EnumSet.of(ReportKind.ALARM), 1000)) {
                    alarms.putIfAbsent(a.event().rule() + " " + a.event().id() + (a.event().isOpen() ? " open" : " closed"), a);
                }
            }
            assertThat(alarms.keySet()).filteredOn(k -> k.startsWith("storage.70pct")).hasSize(1).allMatch(k -> k.endsWith("open"));
            assertThat(alarms.keySet()).filteredOn(k -> k.startsWith("storage.90pct")).hasSize(1).allMatch(k -> k.endsWith("open"));
            Report first70 = alarms.values().stream().filter(a -> a.event().rule().equals("storage.70pct")).findFirst().orElseThrow();
            Report first90 = alarms.values().stream().filter(a -> a.event().rule().equals("storage.90pct")).findFirst().orElseThrow();
            assertThat(first70.sequence()).isLessThan(first90.sequence());
            assertThat(first90.event().detail()).contains("of 1048576 bytes");
            String unsent = alarms.values().stream().filter(a -> a.event().rule().equals("storage.unsent-evicted"))
                    .map(a -> a.event().detail()).reduce("", String::concat);
            assertThat(unsent).contains("realtime of A #", "minute of A #", "hour of A #", "day of A #", "event of A #",
                    "to stay within max_size_mb");
        }
    }

    @Test
    void ageLimitDeletesAcknowledgedAndAnnouncesUnsentAndSequencesStillContinue() throws Exception {
        try (ReportStore store = open(16, 30); Peek peek = new Peek(dir.resolve("lantian.db"))) {
            List<Report> r = store.append(List.of(Drafts.minute("A", T0, 4), Drafts.minute("A", T0.plusSeconds(60), 4),
                    Drafts.minute("A", T0.plusSeconds(120), 4)));
            store.acknowledge("A", 1);
            store.acknowledge("A", 2);
            clock.set(T0.plus(Duration.ofDays(31)));
            store.maintain();
            assertThat(peek.count("SELECT count(*) FROM reports WHERE device = 'A'")).as("clock not synced: unsent kept")
                    .isEqualTo(1);
            store.clockQuality(() -> ClockQuality.SYNCED);
            clock.set(T0.plus(Duration.ofDays(29)));
            store.maintain();
            assertThat(peek.count("SELECT count(*) FROM reports WHERE device = 'A'")).isEqualTo(1);
            clock.set(T0.plus(Duration.ofDays(31)));
            store.maintain();
            assertThat(peek.count("SELECT count(*) FROM reports WHERE device = 'A'")).isZero();
            assertThat(peek.count("PRAGMA freelist_count")).as("space given back").isZero();
            List<Report> alarms = store.oldestPending(10);
            assertThat(alarms).singleElement().satisfies(a -> {
                assertThat(a.event().rule()).isEqualTo("storage.unsent-evicted");
                assertThat(a.event().detail()).contains("1 minute of A #3..#3", "older than max_age_days 30");
            });
            assertThat(store.append(List.of(Drafts.minute("A", clock.instant(), 1))).get(0).sequence())
                    .isEqualTo(r.get(2).sequence() + 1);
        }
        try (ReportStore store = open(16, 30)) {
            assertThat(store.append(List.of(Drafts.minute("A", clock.instant(), 1))).get(0).sequence()).isEqualTo(5);
        }
    }

    @Test
    void seventyPercentAlarmIsRaisedOnceSurvivesRestartAndClearsWhenSpaceComesBack() {
        int raised = 0;
        try (ReportStore store = open(1, 30)) {
            for (int i = 0; i < 100 && store.sizeBytes() < 0.75 * (1 << 20); i++) {
                List<ReportDraft> ten = new ArrayList<>();
                for (int m = 0; m < 10; m++) {
                    ten.add(Drafts.minute("A", T0.plus(Duration.ofMinutes(i * 10L + m)), 16));
                }
                store.append(ten);
            }
            raised = alarms(store).size();
        }
        assertThat(raised).isEqualTo(1);
        try (ReportStore store = open(1, 30)) {
            store.append(List.of(Drafts.minute("A", T0, 16)));
            assertThat(alarms(store)).singleElement()
                    .satisfies(a -> assertThat(a.event().rule()).isEqualTo("storage.70pct"));
            Report open70 = alarms(store).get(0);
            store.clockQuality(() -> ClockQuality.FREE_RUNNING);
            store.acknowledge(open70.device(), open70.sequence());
            clock.set(T0.plus(Duration.ofDays(40)));
            store.maintain();
            assertThat(alarms(store)).filteredOn(a -> a.event().rule().equals("storage.unsent-evicted")).singleElement()
                    .satisfies(a -> assertThat(a.event().detail()).contains("minute of A #1..#", "older than max_age_days"));
            assertThat(alarms(store)).filteredOn(a -> !a.event().rule().equals("storage.unsent-evicted")).singleElement()
                    .satisfies(cleared -> {
                assertThat(cleared.event().rule()).isEqualTo("storage.70pct");
                assertThat(cleared.event().id()).isEqualTo(open70.event().id());
                assertThat(cleared.event().start()).isEqualTo(open70.event().start());
                assertThat(cleared.event().end()).isEqualTo(clock.instant());
            });
            assertThat(store.sizeBytes()).isLessThan((long) (0.65 * (1 << 20)));
        }
    }

    static List<Report> alarms(ReportStore store) {
        return store.oldestPending(10_000).stream().filter(r -> r.kind() == ReportKind.ALARM).toList();
    }
}
