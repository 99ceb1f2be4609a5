package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.model.Sample;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot version 2 carries no raw samples: after a restart the evidence, the evidence of restored
 * events and the emergency windows come back from the store ({@link RecentSamples}), and version 1
 * snapshots saved by boards before the upgrade still load.
 */
class SnapshotRestoreTest {
    @TempDir
    Path dir;

    /** The filter is off while line 1 runs from 08:00: NOT_RUNNING from 08:02, evidence 07:57–08:07; it starts at 08:10. */
    private Plant filterOffUntil810(Plant plant, String restartAt) {
        plant.at("08:00").power("line1", 60);
        if (restartAt != null) {
            plant.at(restartAt).restart();
        }
        return plant.at("08:10").power("bag-filter", 30).at("08:30");
    }

    private static Evidence sealedEvidence(Plant plant) {
        EquipmentEvent e = plant.single(LinkageViolation.NOT_RUNNING);
        assertThat(e.end()).as("sealed").contains(plant.instant("08:10"));
        assertThat(e.evidence().complete()).isTrue();
        return e.evidence();
    }

    @Test
    void anEventOpenAcrossARestartIsSealedWithTheSameEvidenceAsWithoutTheRestart() {
        Evidence uninterrupted = sealedEvidence(filterOffUntil810(Plant.bagFilter("07:00"), null));
        // restarted while the evidence window is still filling, and after it was complete
        Plant midEvidence = filterOffUntil810(Plant.bagFilter("07:00").persistingTo(dir.resolve("a.json")), "08:04");
        Plant afterEvidence = filterOffUntil810(Plant.bagFilter("07:00").persistingTo(dir.resolve("b.json")), "08:08");

        assertThat(uninterrupted.samples()).extracting(Sample::time).contains(plant("07:57"), plant("08:03:55"));
        assertThat(sealedEvidence(midEvidence)).isEqualTo(uninterrupted);
        assertSameWindowWithAtLeastTheSamples(sealedEvidence(afterEvidence), uninterrupted);
    }

    /**
     * Evidence completes on the first sample at its end instant, so a live buffer holds only that
     * channel's sample at {@code to}; read back from the store the evidence has every channel's.
     */
    private static void assertSameWindowWithAtLeastTheSamples(Evidence restored, Evidence live) {
        assertThat(restored.channels()).isEqualTo(live.channels());
        assertThat(restored.from()).isEqualTo(live.from());
        assertThat(restored.to()).isEqualTo(live.to());
        assertThat(restored.samples()).containsAll(live.samples())
                .allSatisfy(s -> assertThat(live.samples().contains(s) || s.time().equals(live.to())).isTrue());
    }

    @Test
    void thePreRestartSamplesComeFromTheStoreNotFromTheSnapshot() throws Exception {
        Plant plant = Plant.bagFilter("07:00").persistingTo(dir.resolve("monitor.json")).withoutSampleStore();
        filterOffUntil810(plant, "08:04");

        String saved = java.nio.file.Files.readString(dir.resolve("monitor.json"));
        assertThat(saved).doesNotContain("\"evidence\"").doesNotContain("\"limitWindows\"");
        // without a store to read them back from, only what arrived after the restart is evidence
        assertThat(sealedEvidence(plant).samples()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.time()).isAfterOrEqualTo(plant.instant("08:04")));
    }

    @Test
    void aVersion1SnapshotLoadsAndItsOpenEventContinuesUnderItsId() throws Exception {
        MonitorSnapshot v1;
        try (InputStream in = getClass().getResourceAsStream("/snapshots/monitor-v1.json")) {
            v1 = SnapshotJson.read(in.readAllBytes(), "monitor-v1.json");
        }
        assertThat(v1.version()).isEqualTo(1);
        String id = "tamper.clamp-removed:bag-filter:filter-ia@2026-11-10T01:00:00Z";
        assertThat(v1.openEvents()).extracting(EventRecord::id).containsExactly(id);

        // the plant as it was when the board saved: both lines... line 1 and the filter running, its clamp off
        Plant plant = Plant.bagFilter("09:05").power("bag-filter", 30).power("line1", 60).current("bag-filter", 0);
        plant.resumeFrom(v1).at("09:10").current("bag-filter", 48).at("09:20");

        EquipmentEvent clamp = plant.single(TamperEvent.Kind.CLAMP_REMOVED.rule());
        assertThat(clamp.id()).isEqualTo(id);
        assertThat(clamp.start()).isEqualTo(plant.instant("09:00"));
        assertThat(clamp.end()).contains(plant.instant("09:10"));
        assertThat(plant.notices).filteredOn(n -> n.event().id().equals(id)).extracting(EventNotice::kind)
                .as("continued, not opened again").doesNotContain(EventNotice.Kind.OPENED).contains(EventNotice.Kind.CLOSED);
        assertThat(plant.events()).as("nothing else: no power loss, no linkage violation").hasSize(1);
        MonitorSnapshot next = plant.monitor().snapshot(plant.now());
        assertThat(next.version()).isEqualTo(MonitorSnapshot.VERSION);
        assertThat(new String(SnapshotJson.write(next), StandardCharsets.UTF_8)).doesNotContain("\"evidence\"");
    }

    @Test
    void emergencyWindowsAreRebuiltFromTheStoreAcrossARestart() {
        // line 1 at 100 kW (baseline 100 learnt), orange alert at 10:00 (limit 50 % over 15 min), 40 kW from 10:30:
        // the 15 min mean falls below 50 at 10:42:25 — only if the window still holds the samples from before 10:35
        Plant withStore = emergency(Plant.bagFilter("07:00").persistingTo(dir.resolve("a.json")));
        Plant withoutStore = emergency(Plant.bagFilter("07:00").persistingTo(dir.resolve("b.json")).withoutSampleStore());

        assertThat(withStore.single(EmergencyNonCompliance.LIMIT).end()).contains(withStore.instant("10:42:25"));
        assertThat(withoutStore.single(EmergencyNonCompliance.LIMIT).end())
                .as("an empty window would judge the first 40 kW sample alone").contains(withoutStore.instant("10:35"));
    }

    private static Plant emergency(Plant plant) {
        return plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 100)
                .at("10:00").alert(AlertLevel.ORANGE, AlertSource.BUREAU)
                .at("10:30").power("line1", 40)
                .at("10:35").restart()
                .at("11:00");
    }

    private static Instant plant(String time) {
        return Plant.bagFilter("07:00").instant(time);
    }
}
