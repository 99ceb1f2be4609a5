package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.EquipmentEvent;
import dev.lantian.agent.equipment.LinkageViolation;
import dev.lantian.agent.equipment.MonitorSnapshot;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.SqliteMonitorStateStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.agent.store.StoredRecentSamples;
import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's real store across a restart: the equipment snapshot in the SQLite file carries no raw
 * samples, and the open event's evidence comes back from the samples the same file keeps.
 */
class PipelineRestartEvidenceTest {
    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock(PlantDay.START, FilterStopDay.SHANGHAI);

    private Pipeline pipeline(SiteConfig config, ReportStore store) {
        return new Pipeline(Pipeline.Parts.forSite(config, ClockQualitySource.fixed(ClockQuality.SYNCED),
                new SqliteMonitorStateStore(store), new StoredRecentSamples(store), AliveMarker.inMemory(), store,
                store::appendSamples, new RecordingUplink(), List::of, null), PipelineSettings.defaults(), clock.instant());
    }

    private void feed(Pipeline pipeline, Instant until) {
        for (Map.Entry<Instant, List<Sample>> e : PlantDay.samples().subMap(clock.instant(), until).entrySet()) {
            clock.set(e.getKey());
            pipeline.acceptAll(e.getValue());
            pipeline.tick(e.getKey());
        }
    }

    private static EquipmentEvent filterNotRunning(Pipeline pipeline) {
        return pipeline.view().monitor().openEvents().stream()
                .filter(e -> e.rule().equals(LinkageViolation.NOT_RUNNING)).findFirst().orElseThrow();
    }

    @Test
    void anEventOpenAtAShutdownComesBackWithItsEvidenceReadFromTheStoredSamples() throws Exception {
        SiteConfig config = ConfigLoader.load(PlantDay.CONFIG);
        Path file = dir.resolve("lantian.db");
        EquipmentEvent before;
        try (ReportStore store = ReportStore.open(file, StoreSettings.from(config), clock)) {
            Pipeline first = pipeline(config, store);
            feed(first, PlantDay.at("10:05")); // the filter stopped at 10:00 while line 1 runs
            before = filterNotRunning(first);
            first.shutdown(clock.instant());
        }
        Instant shutdown = clock.instant();
        assertThat(before.evidence().samples()).isNotEmpty();

        try (ReportStore store = ReportStore.open(file, StoreSettings.from(config), clock)) {
            MonitorSnapshot saved = new SqliteMonitorStateStore(store).load().orElseThrow();
            assertThat(saved.version()).isEqualTo(MonitorSnapshot.VERSION);
            Pipeline second = pipeline(config, store);
            EquipmentEvent after = filterNotRunning(second);

            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.evidence().from()).isEqualTo(before.evidence().from());
            assertThat(after.evidence().to()).isEqualTo(before.evidence().to());
            // read back from the samples table: all of them, plus the other channels' samples at the
            // window's last instant, which the live buffer had not yet received when it was cut
            assertThat(after.evidence().samples()).containsAll(before.evidence().samples())
                    .allSatisfy(s -> assertThat(before.evidence().samples().contains(s)
                            || s.time().equals(before.evidence().to())).isTrue())
                    .allSatisfy(s -> assertThat(s.time()).isBefore(shutdown));

            feed(second, PlantDay.at("10:30"));
            assertThat(second.view().monitor().openEvents()).extracting(EquipmentEvent::rule)
                    .doesNotContain(LinkageViolation.NOT_RUNNING);
        }
    }
}
