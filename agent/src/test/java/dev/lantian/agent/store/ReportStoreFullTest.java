package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A full disk (simulated with PRAGMA max_page_count) and a damaged file fail clearly and lose nothing stored. */
class ReportStoreFullTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0.plusSeconds(3600), ZoneOffset.UTC);

    ReportStore open() {
        Path file = dir.resolve("lantian.db");
        return ReportStore.open(file, new StoreSettings(file, 64, 400, 7, 100, Duration.ofSeconds(60),
                Duration.ofHours(1), "MN-AGENT"), clock);
    }

    static ReportDraft huge(String device) {
        return new ReportDraft(device, ReportKind.EVENT, null, null, T0, ClockQuality.SYNCED, List.of(),
                new ReportEvent("big", "tamper", "meter-1", "info", T0, null, "y".repeat(200_000)));
    }

    @Test
    void aWriteThatCannotFitFailsClearlyAndKeepsEverythingUnsent() {
        try (ReportStore store = open()) {
            List<Report> kept = store.append(List.of(Drafts.minute("A", T0, 16), Drafts.minute("A", T0.plusSeconds(60), 16)));
            store.executeForTest("PRAGMA max_page_count = 1");
            assertThatThrownBy(() -> store.append(List.of(huge("A"))))
                    .isInstanceOf(StoreFullException.class)
                    .hasMessageContaining(store.file().toString())
                    .hasMessageContaining("a event report of A")
                    .hasMessageContaining("everything stored before is kept")
                    .satisfies(e -> assertThat(((StoreFullException) e).storeBytes()).isPositive());
            assertThat(store.oldestPending(10)).isEqualTo(kept);
            store.executeForTest("PRAGMA max_page_count = 1000000");
            assertThat(store.append(List.of(Drafts.minute("A", T0.plusSeconds(120), 1))).get(0).sequence()).isEqualTo(3);
        }
        try (ReportStore store = open()) {
            assertThat(store.history("A", T0, T0.plusSeconds(600), Set.of(), 10)).hasSize(3);
        }
    }

    @Test
    void aFullDiskMakesRoomFromAcknowledgedReportsOnly() {
        try (ReportStore store = open()) {
            List<ReportDraft> old = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                old.add(Drafts.minute("A", T0.plus(Duration.ofMinutes(i)), 16));
            }
            store.append(old).forEach(r -> store.acknowledge(r.device(), r.sequence()));
            Report unsent = store.append(List.of(Drafts.minute("A", T0.plus(Duration.ofHours(1)), 16))).get(0);
            store.executeForTest("PRAGMA max_page_count = 1");
            List<Report> fresh = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fresh.addAll(store.append(List.of(Drafts.minute("B", T0.plus(Duration.ofMinutes(i)), 16))));
            }
            assertThat(store.oldestPending(100)).startsWith(unsent).containsAll(fresh);
            assertThat(store.history("A", T0, T0.plus(Duration.ofMinutes(40)), Set.of(), 100)).as("acknowledged gave way")
                    .hasSizeLessThan(40);
            assertThat(store.oldestPending(100)).noneMatch(r -> r.kind() == ReportKind.ALARM);
        }
    }

    @Test
    void rawSamplesNeverDisplaceReportsAndWaitForRoom() {
        try (ReportStore store = open()) {
            store.append(List.of(Drafts.minute("A", T0, 16)));
            store.executeForTest("PRAGMA max_page_count = 1");
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                samples.add(Sample.normal("pm25", T0.plusSeconds(5L * i), i));
            }
            assertThatThrownBy(() -> store.appendSamples(samples)).isInstanceOf(StoreFullException.class)
                    .hasMessageContaining("store 1000 raw samples");
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.droppedSamples()).isZero();
            store.executeForTest("PRAGMA max_page_count = 1000000");
            assertThat(store.samples("pm25", T0, T0.plus(Duration.ofDays(1)))).hasSize(1000);
        }
    }

    @Test
    void aFileThatIsNotAStoreIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("lantian.db");
        Files.writeString(file, "these are not the pages you are looking for\n".repeat(200), StandardCharsets.UTF_8);
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an SQLite database");
        assertThat(Files.readString(file)).startsWith("these are not");
    }

    @Test
    void aDamagedStoreIsAnErrorNamingIt() throws Exception {
        try (ReportStore store = open()) {
            List<ReportDraft> d = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                d.add(Drafts.minute("A", T0.plus(Duration.ofMinutes(i)), 16));
            }
            store.append(d);
        }
        Path file = dir.resolve("lantian.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096 * 3; i < bytes.length - 4096; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");
    }
}
