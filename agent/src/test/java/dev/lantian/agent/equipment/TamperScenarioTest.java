package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TamperScenarioTest {
    @TempDir
    Path dir;

    private static Plant running() {
        return Plant.bagFilter("07:00").at("07:50").power("bag-filter", 30).at("08:00").power("line1", 60);
    }

    @Test
    void aClampRemovedWhileTheUnitIsPoweredAndWorkingIsReportedFromItsFirstSample() {
        Plant plant = running();
        plant.at("09:00").current("bag-filter", 0).at("09:10").current("bag-filter", 48).at("09:20");

        EquipmentEvent e = plant.single(TamperEvent.Kind.CLAMP_REMOVED.rule());
        assertThat(((TamperEvent) e).channel()).isEqualTo("filter-ia");
        assertThat(e.start()).isEqualTo(plant.instant("09:00"));
        assertThat(e.end()).contains(plant.instant("09:10"));
    }

    @Test
    void anEnergisedIdleUnitDrawingNoCurrentIsNotATamper() {
        Plant plant = Plant.bagFilter("07:00").at("09:00");

        assertThat(plant.events(TamperEvent.Kind.CLAMP_REMOVED.rule())).isEmpty();
    }

    @Test
    void aLostPhaseIsReportedWhileTheOthersAreLive() {
        Plant plant = running();
        plant.at("09:00").voltage("filter-ub", 0).at("09:05").voltage("filter-ub", 231).at("09:10");

        EquipmentEvent e = plant.single(TamperEvent.Kind.PHASE_LOSS.rule());
        assertThat(((TamperEvent) e).channel()).isEqualTo("filter-ub");
        assertThat(e.start()).isEqualTo(plant.instant("09:00"));
        assertThat(e.end()).contains(plant.instant("09:05"));
    }

    @Test
    void aMeterAnsweringWithCommunicationFaultsIsLostAfterTheConfiguredSilenceAndItsUnitUnknown() {
        Plant plant = running();
        plant.at("09:00").flagged("bag-filter", QualityFlag.B).at("09:10").flagged("bag-filter", QualityFlag.N).at("09:20");

        EquipmentEvent e = plant.single(TamperEvent.Kind.METER_LOST.rule());
        // last good sample 08:59:55, meter_lost_after 60 s
        assertThat(e.start()).isEqualTo(plant.instant("09:00:55"));
        assertThat(e.end()).contains(plant.instant("09:10"));
        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to, StateChange::time).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.UNKNOWN, plant.instant("09:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, plant.instant("09:10")));
        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).as("an unknown filter is a meter problem, not a stop").isEmpty();
    }

    @Test
    void aSilentMeterIsLostAndGoesStaleOnTicksAlone() {
        Plant plant = running();
        plant.at("09:00").silent("bag-filter", true).at("09:05");

        EquipmentEvent e = plant.single(TamperEvent.Kind.METER_LOST.rule());
        assertThat(e.start()).isEqualTo(plant.instant("09:00:55"));
        assertThat(e.end()).isEmpty();
        // stale_after 30 s after the last sample at 08:59:55
        assertThat(plant.changesOf("bag-filter")).last().extracting(StateChange::to, StateChange::time)
                .containsExactly(EquipmentState.UNKNOWN, plant.instant("09:00:25"));
    }

    @Test
    void aBoardPowerLossIsFoundAtRestartFromTheLastHeartbeat() {
        EquipmentMonitor m = new EquipmentMonitor(BagFilterPlant.settings(), MonitorSink.NONE, Plant.bagFilter("07:00").instant("09:00"));
        java.util.List<EventNotice> seen = new java.util.ArrayList<>();
        Plant plant = Plant.bagFilter("07:00");
        EquipmentMonitor board = new EquipmentMonitor(BagFilterPlant.settings(), new MonitorSink() {
            @Override
            public void onEvent(EventNotice n) {
                seen.add(n);
            }

            @Override
            public void onStateChange(StateChange c) {
            }
        }, plant.instant("09:00"));
        board.onStart(Optional.of(plant.instant("08:12")), plant.instant("09:00"));
        board.onStart(Optional.of(plant.instant("08:12")), plant.instant("09:00"));
        board.onStart(Optional.of(plant.instant("08:59:30")), plant.instant("09:00")); // a quick restart is no power loss

        assertThat(seen).hasSize(1);
        EquipmentEvent e = seen.get(0).event();
        assertThat(e).isInstanceOf(PowerLoss.class);
        assertThat(e.start()).isEqualTo(plant.instant("08:12"));
        assertThat(e.end()).contains(plant.instant("09:00"));
        assertThat(m.currentView().openEvents()).isEmpty();
    }

    @Test
    void aClockStepIsReportedAndNeitherLosesTheMeterNorTheState() {
        Plant plant = running();
        plant.at("10:00").clockStep(Duration.ofMinutes(30)).at("11:00");

        EquipmentEvent e = plant.single(ClockStep.RULE);
        assertThat(((ClockStep) e).before()).isEqualTo(plant.instant("10:00"));
        assertThat(((ClockStep) e).after()).isEqualTo(plant.instant("10:30"));
        assertThat(e.detail()).contains("PT30M");
        assertThat(plant.events(TamperEvent.Kind.METER_LOST.rule())).isEmpty();
        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to)
                .containsExactly(EquipmentState.OFF, EquipmentState.RUNNING);
        // the board's clock says 08:00..10:59:55 (the last step), the step included: run time follows the clock
        assertThat(plant.monitor().runHours("line1", LocalDate.of(2026, 11, 10))).isEqualTo((3 * 3600 - 5) / 3600.0);
    }

    @Test
    void aBackwardClockStepIsReportedWithoutLosingStatesOrEvents() {
        Plant plant = running();
        plant.at("10:00").clockStep(Duration.ofMinutes(-10)).at("10:30").clockStep(Duration.ofMinutes(-10)).at("11:00");

        assertThat(plant.events(ClockStep.RULE)).hasSize(2);
        assertThat(plant.events(TamperEvent.Kind.METER_LOST.rule())).isEmpty();
        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to)
                .containsExactly(EquipmentState.OFF, EquipmentState.RUNNING);
        assertThat(plant.monitor().state("line1")).isEqualTo(EquipmentState.RUNNING);
    }

    @Test
    void aClampLatchPendingOrActiveAtARestartCarriesOnAndItsEventIsReportedOnce() {
        Plant plant = running().persistingTo(dir.resolve("monitor.json"));
        plant.at("09:00").current("bag-filter", 0)
                .at("09:00:15").restart() // within min_dwell: pending
                .at("09:05").restart() // active, its event open
                .at("09:10").current("bag-filter", 48).at("09:20");

        EquipmentEvent e = plant.single(TamperEvent.Kind.CLAMP_REMOVED.rule());
        assertThat(e.start()).isEqualTo(plant.instant("09:00"));
        assertThat(e.end()).contains(plant.instant("09:10"));
        assertThat(plant.notices).filteredOn(n -> n.event().id().equals(e.id())).extracting(EventNotice::kind)
                .containsExactly(EventNotice.Kind.OPENED, EventNotice.Kind.EVIDENCE_COMPLETE, EventNotice.Kind.CLOSED);
    }

    @Test
    void onlyLatchesThatHoldSomethingAreSaved() {
        Plant plant = running().at("09:00");
        assertThat(plant.monitor().snapshot(plant.now()).latches()).as("all quiet: every latch idle").isEmpty();

        plant.current("bag-filter", 0).at("09:01");
        assertThat(plant.monitor().snapshot(plant.now()).latches()).containsOnlyKeys("bag-filter|CLAMP_REMOVED|filter-ia");
    }

    @Test
    void theSavedLatchOfAUnitNoLongerConfiguredIsIgnored() {
        Plant before = running().power("line2", 50).at("09:00").current("line2", 0).at("09:05");
        MonitorSnapshot saved = before.monitor().snapshot(before.now());
        assertThat(saved.latches()).containsOnlyKeys("line2|CLAMP_REMOVED|line2-ia");

        MonitorSettings all = BagFilterPlant.settings();
        MonitorSettings withoutLine2 = new MonitorSettings(all.zone(),
                all.equipment().stream().filter(e -> !e.id().equals("line2")).toList(),
                all.linkage().stream().filter(l -> !l.production().equals("line2")).toList(),
                EmergencySettings.none(), List.of(), all.tamper(), null, null);
        Plant after = new Plant(withoutLine2, LocalDate.of(2026, 11, 10), "09:05")
                .power("bag-filter", 30).power("line1", 60).resumeFrom(saved).at("09:30");

        assertThat(after.monitor().snapshot(after.now()).latches()).isEmpty();
        assertThat(after.notices).as("nothing opened or closed: line 2 is not judged any more")
                .extracting(EventNotice::kind).doesNotContain(EventNotice.Kind.OPENED, EventNotice.Kind.CLOSED);
    }
}
