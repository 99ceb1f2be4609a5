package dev.lantian.agent.store;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.EquipmentState;
import dev.lantian.agent.equipment.MonitorSnapshot;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteMonitorStateStoreTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);

    ReportStore open() {
        Path file = dir.resolve("lantian.db");
        return ReportStore.open(file, StoreSettings.from(new SiteConfig.Storage(file, 16, 90, 7)), clock);
    }

    static MonitorSnapshot snapshot(Instant t, double lastValue) {
        return new MonitorSnapshot(MonitorSnapshot.VERSION, t, t, t.minusSeconds(60), List.of(),
                List.of(new MonitorSnapshot.Tracker("fan-1", EquipmentState.values()[0], t.minusSeconds(600), null, null,
                        t.minusSeconds(5), lastValue, true, t)),
                List.of(), List.of(), List.of(), List.of(), Map.of("line1", t.minusSeconds(3600)), List.of(),
                Map.of("meter-1", t), Map.of("clamp", new MonitorSnapshot.LatchState(true, false, t)),
                Map.of(),
                Map.of("fan-1", Map.of("RUNNING", 3_600_000L)), Map.of("fan-1", t.minusSeconds(600)));
    }

    @Test
    void theLastSavedSnapshotComesBackAfterReopen() throws Exception {
        try (ReportStore store = open()) {
            SqliteMonitorStateStore state = new SqliteMonitorStateStore(store);
            assertThat(state.load()).isEmpty();
            state.save(snapshot(T0, 1.5));
            state.save(snapshot(T0.plusSeconds(60), 2.5));
        }
        try (ReportStore store = open()) {
            assertThat(new SqliteMonitorStateStore(store).load()).contains(snapshot(T0.plusSeconds(60), 2.5));
        }
    }

    @Test
    void anUnreadableSnapshotIsAClearError() {
        try (ReportStore store = open()) {
            store.putState(SqliteMonitorStateStore.KEY, "{\"version\":1,\"savedAt\":\"2026-");
            assertThatThrownBy(() -> new SqliteMonitorStateStore(store).load()).isInstanceOf(IOException.class)
                    .hasMessageContaining("unreadable").hasMessageContaining(store.file().toString());
            store.putState(SqliteMonitorStateStore.KEY, "{\"version\":99}");
            assertThatThrownBy(() -> new SqliteMonitorStateStore(store).load()).isInstanceOf(IOException.class)
                    .hasMessageContaining("version 99");
        }
    }
}
