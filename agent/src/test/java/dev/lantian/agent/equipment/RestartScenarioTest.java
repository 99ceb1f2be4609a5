package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartScenarioTest {
    @TempDir
    Path dir;

    private List<EventNotice.Kind> lifeOf(Plant plant, EquipmentEvent e) {
        return plant.notices.stream().filter(n -> n.event().id().equals(e.id())).map(EventNotice::kind).toList();
    }

    @Test
    void aRestartInTheMiddleOfAViolationContinuesTheSameEventAndClosesItOnce() {
        Plant plant = Plant.bagFilter("07:00").persistingTo(dir.resolve("monitor.json"));
        plant.at("08:00").power("line1", 60)
                .at("08:05").restart()
                .at("08:10").power("bag-filter", 30)
                .at("08:10:15").restart() // while the filter's RUNNING is still within its dwell
                .at("08:30");

        EquipmentEvent notRunning = plant.single(LinkageViolation.NOT_RUNNING);
        assertThat(notRunning.start()).isEqualTo(plant.instant("08:02"));
        assertThat(notRunning.end()).contains(plant.instant("08:10"));
        assertThat(lifeOf(plant, notRunning)).containsExactly(EventNotice.Kind.OPENED, EventNotice.Kind.EVIDENCE_COMPLETE,
                EventNotice.Kind.CLOSED);
        EquipmentEvent late = plant.single(LinkageViolation.LATE_START);
        assertThat(late.end()).contains(plant.instant("08:10"));
        assertThat(lifeOf(plant, late)).containsExactly(EventNotice.Kind.OPENED, EventNotice.Kind.EVIDENCE_COMPLETE,
                EventNotice.Kind.CLOSED);
        assertThat(plant.events()).hasSize(2);
        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to)
                .containsExactly(EquipmentState.OFF, EquipmentState.RUNNING);
    }

    @Test
    void theBoardsDowntimeIsAPowerLossAndAnUnknownStretchNotAViolation() {
        Plant plant = Plant.bagFilter("07:00").persistingTo(dir.resolve("monitor.json"));
        plant.at("08:00").power("line1", 60).at("08:05")
                .restartAfter(Duration.ofMinutes(20))
                .at("08:40").power("bag-filter", 30).at("09:00");

        EquipmentEvent loss = plant.single(PowerLoss.RULE);
        assertThat(loss.start()).isEqualTo(plant.instant("08:05"));
        assertThat(loss.end()).contains(plant.instant("08:25"));
        // the meters were not read while the board was down: their units are unknown for that stretch
        assertThat(plant.changesOf("line1")).extracting(StateChange::to).containsSubsequence(
                EquipmentState.RUNNING, EquipmentState.UNKNOWN, EquipmentState.RUNNING);
        assertThat(plant.events(TamperEvent.Kind.METER_LOST.rule())).as("the board, not the meters, was down").isEmpty();
        // nothing is known while the board was down: the violation ends where the data ended
        // (last sample 08:04:55 + stale_after) and a new one begins a grace after the data resumed
        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).extracting(EquipmentEvent::start, e -> e.end().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(plant.instant("08:02"), plant.instant("08:05:25")),
                        org.assertj.core.groups.Tuple.tuple(plant.instant("08:27"), plant.instant("08:40")));
    }

    @Test
    void aRestartDuringAnEmergencyKeepsTheWindowTheLearntBaselineAndTheOpenNonCompliance() {
        Plant plant = Plant.bagFilter("07:00").persistingTo(dir.resolve("monitor.json"));
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 100)
                .at("10:00").alert(AlertLevel.ORANGE, AlertSource.BUREAU)
                .at("10:20").restart()
                .at("10:30").power("line1", 40)
                .at("10:35").restart()
                .at("11:00");

        EquipmentEvent e = plant.single(EmergencyNonCompliance.LIMIT);
        assertThat(e.start()).isEqualTo(plant.instant("10:15"));
        assertThat(e.end()).as("the same as without restarts").contains(plant.instant("10:42:25"));
        assertThat(lifeOf(plant, e)).containsExactly(EventNotice.Kind.OPENED, EventNotice.Kind.EVIDENCE_COMPLETE,
                EventNotice.Kind.CLOSED);
    }

    @Test
    void theSnapshotSurvivesAJsonRoundTripUnchanged() throws Exception {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 10).at("08:00").power("line1", 100)
                .at("09:00").alert(AlertLevel.ORANGE, AlertSource.BUREAU).at("09:20");
        MonitorSnapshot snap = plant.monitor().snapshot(plant.now());
        JsonFileMonitorStateStore store = new JsonFileMonitorStateStore(dir.resolve("a/b/monitor.json"));
        store.save(snap);
        MonitorSnapshot back = store.load().orElseThrow();

        assertThat(back).isEqualTo(snap);
        assertThat(snap.openEvents()).isNotEmpty();
        assertThat(snap.baselines().get("line1").hours()).as("the current hour, as a partial median").isNotEmpty();
    }

    @Test
    void aCorruptStateFileIsAClearErrorAndAMissingOneIsEmpty() throws Exception {
        Path f = dir.resolve("monitor.json");
        JsonFileMonitorStateStore store = new JsonFileMonitorStateStore(f);
        assertThat(store.load()).isEmpty();
        java.nio.file.Files.writeString(f, "{\"version\":1,\"savedAt\":\"2026-");
        org.assertj.core.api.Assertions.assertThatThrownBy(store::load)
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("unreadable");
    }
}
