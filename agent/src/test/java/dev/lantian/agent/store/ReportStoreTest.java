package dev.lantian.agent.store;

import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportStoreTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0.plusSeconds(3600), ZoneOffset.UTC);

    ReportStore open() {
        Path file = dir.resolve("lantian.db");
        return ReportStore.open(file, StoreSettings.from(new dev.lantian.agent.config.SiteConfig.Storage(file, 16, 90, 7)), clock);
    }

    @Test
    void appendNumbersPerDeviceAndStampsTheStoreTime() {
        try (ReportStore store = open()) {
            List<Report> r = store.append(List.of(Drafts.minute("A", T0, 2), Drafts.minute("B", T0, 2),
                    Drafts.minute("A", T0.plusSeconds(60), 2)));
            assertThat(r).extracting(Report::device, Report::sequence).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("A", 1L), org.assertj.core.groups.Tuple.tuple("B", 1L),
                    org.assertj.core.groups.Tuple.tuple("A", 2L));
            assertThat(r).allSatisfy(x -> assertThat(x.generatedAt()).isEqualTo(clock.instant()));
            assertThat(store.oldestPending(10)).isEqualTo(r);
            assertThat(store.newestPending(2)).containsExactly(r.get(2), r.get(1));
            assertThat(store.pendingCount()).isEqualTo(3);
        }
    }

    @Test
    void sequenceContinuesAfterReopen() {
        try (ReportStore store = open()) {
            store.append(List.of(Drafts.minute("A", T0, 1), Drafts.minute("A", T0.plusSeconds(60), 1)));
        }
        try (ReportStore store = open()) {
            assertThat(store.append(List.of(Drafts.minute("A", T0.plusSeconds(120), 1))).get(0).sequence()).isEqualTo(3);
            assertThat(store.oldestPending(10)).extracting(Report::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void acknowledgedReportsLeaveTheOutboxButStayInTheArchive() {
        try (ReportStore store = open()) {
            List<Report> r = store.append(List.of(Drafts.minute("A", T0, 1), Drafts.minute("A", T0.plusSeconds(60), 1)));
            store.acknowledge("A", 1);
            store.acknowledge("A", 1);
            store.acknowledge("A", 99);
            assertThat(store.pendingCount()).isEqualTo(1);
            assertThat(store.oldestPending(10)).containsExactly(r.get(1));
            assertThat(store.history("A", T0, T0.plusSeconds(3600), Set.of(), 10)).isEqualTo(r);
        }
    }

    @Test
    void historyTakesReportsWhosePeriodOrAcquisitionFallsInTheHalfOpenRange() {
        try (ReportStore store = open()) {
            List<ReportDraft> drafts = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                drafts.add(Drafts.minute("A", T0.plus(Duration.ofMinutes(m)), 1));
            }
            drafts.add(Drafts.event("A", ReportKind.EVENT, T0.plusSeconds(150), "linkage"));
            drafts.add(Drafts.minute("B", T0.plus(Duration.ofMinutes(3)), 1));
            store.append(drafts);
            Instant from = T0.plus(Duration.ofMinutes(2));
            Instant to = T0.plus(Duration.ofMinutes(5));
            assertThat(store.history("A", from, to, Set.of(), 100)).extracting(Report::sequence)
                    .containsExactly(3L, 4L, 5L, 11L);
            assertThat(store.history("A", from, to, EnumSet.of(ReportKind.EVENT), 100)).extracting(Report::sequence)
                    .containsExactly(11L);
            assertThat(store.history("A", from, to, EnumSet.of(ReportKind.MINUTE), 2)).extracting(Report::sequence)
                    .containsExactly(3L, 4L);
            assertThat(store.history("B", from, to, Set.of(), 100)).hasSize(1);
            assertThat(store.history("C", from, to, Set.of(), 100)).isEmpty();
            assertThatThrownBy(() -> store.history("A", from, to, Set.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void storedPayloadIsExactlyWhatWasNumbered() {
        try (ReportStore store = open()) {
            Report r = store.append(List.of(Drafts.realtime("A", T0.plusMillis(1234), 3))).get(0);
            assertThat(store.oldestPending(1).get(0)).isEqualTo(r);
            assertThat(ReportJson.write(store.oldestPending(1).get(0))).isEqualTo(ReportJson.write(r));
        }
    }

    @Test
    void aDamagedPayloadIsSkippedSoTheOutboxKeepsFlowing() throws Exception {
        try (ReportStore store = open(); Peek peek = new Peek(dir.resolve("lantian.db"))) {
            List<Report> r = store.append(List.of(Drafts.minute("A", T0, 1), Drafts.minute("A", T0.plusSeconds(60), 1),
                    Drafts.minute("A", T0.plusSeconds(120), 1)));
            peek.execute("UPDATE reports SET payload = '{\"format\":1,' WHERE sequence = 2");
            assertThat(store.oldestPending(10)).containsExactly(r.get(0), r.get(2));
            assertThat(store.history("A", T0, T0.plusSeconds(600), Set.of(), 10)).containsExactly(r.get(0), r.get(2));
            assertThat(store.pendingCount()).isEqualTo(3);
        }
    }

    @Test
    void concurrentAppendAndAcknowledgeLoseNothing() throws Exception {
        try (ReportStore store = open()) {
            int n = 100;
            Thread producer = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    store.append(List.of(Drafts.realtime("A", T0.plusSeconds(i), 1)));
                }
            });
            List<Long> acked = new ArrayList<>();
            Thread acker = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (acked.size() < n && System.nanoTime() < deadline) {
                    for (Report r : store.oldestPending(20)) {
                        store.acknowledge(r.device(), r.sequence());
                        acked.add(r.sequence());
                    }
                }
            });
            producer.start();
            acker.start();
            producer.join();
            acker.join();
            assertThat(acked).hasSize(n).doesNotHaveDuplicates().isSorted();
            assertThat(store.pendingCount()).isZero();
            assertThat(store.history("A", T0, T0.plusSeconds(n), Set.of(), 1000)).extracting(Report::sequence)
                    .containsExactlyElementsOf(acked);
        }
    }
}
