package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StateScenarioTest {

    @Test
    void aNormalDayGivesStatesDatedToTheSampleAndNoViolation() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 30)
                .at("08:00").power("line1", 60)
                .at("17:00").power("line1", 0)
                .at("17:10").power("bag-filter", 0)
                .at("17:30");

        assertThat(plant.changesOf("line1")).extracting(c -> c.to(), c -> c.time()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, plant.instant("07:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, plant.instant("08:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, plant.instant("17:00")));
        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to, StateChange::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, plant.instant("07:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, plant.instant("07:50")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, plant.instant("17:10")));
        assertThat(plant.events()).as("a well-run day has no events").isEmpty();
        assertThat(plant.monitor().runHours("line1", LocalDate.of(2026, 11, 10))).isEqualTo(9.0);
        assertThat(plant.monitor().dailyRunHours(LocalDate.of(2026, 11, 10))).containsEntry("line1", 9.0)
                .containsEntry("line2", 0.0).containsKey("bag-filter");
        assertThat(plant.monitor().runHours("line1", LocalDate.of(2026, 11, 11))).isZero();
        assertThat(plant.monitor().runHours("bag-filter", LocalDate.of(2026, 11, 10))).isCloseTo(9.0 + 20 / 60.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void hysteresisKeepsARunningUnitRunningInsideTheBandAndLowLoadIsItsOwnState() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("bag-filter", 30)
                .at("08:10").power("bag-filter", 7) // inside the 5..8 band: still running, but far below 22.5
                .at("08:20").power("bag-filter", 4) // below running_below: standby
                .at("08:30").power("bag-filter", 7) // inside the band from below: stays standby
                .at("08:40");

        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to, StateChange::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, plant.instant("07:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, plant.instant("08:00")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.LOW_LOAD, plant.instant("08:10")),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.STANDBY, plant.instant("08:20")));
    }

    @Test
    void aSignalFlappingFasterThanTheDwellProducesNoStateChangeAndNoEvent() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 60);
        for (int i = 0; i < 60; i++) { // 10 s at 2 kW, 10 s at 30 kW, for 20 minutes
            String t = java.time.LocalTime.of(9, 0).plusSeconds(20L * i).toString();
            String half = java.time.LocalTime.of(9, 0).plusSeconds(20L * i + 10).toString();
            plant.at(t).power("bag-filter", 2).at(half).power("bag-filter", 30);
        }
        plant.at("10:00");

        assertThat(plant.changesOf("bag-filter")).extracting(StateChange::to)
                .containsExactly(EquipmentState.OFF, EquipmentState.RUNNING);
        assertThat(plant.events()).isEmpty();
    }

    @Test
    void theConsoleViewShowsStatesAlertAndOpenEvents() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).at("08:10").alert(AlertLevel.YELLOW, AlertSource.LOCAL).at("08:11");

        MonitorView view = plant.monitor().currentView();
        assertThat(view.alertLevel()).isEqualTo(AlertLevel.YELLOW);
        assertThat(view.alert().orElseThrow().source()).isEqualTo(AlertSource.LOCAL);
        assertThat(view.units()).extracting(MonitorView.Unit::id, MonitorView.Unit::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("line1", EquipmentState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("line2", EquipmentState.OFF),
                org.assertj.core.groups.Tuple.tuple("bag-filter", EquipmentState.OFF));
        assertThat(view.openEvents()).extracting(EquipmentEvent::rule)
                .contains(LinkageViolation.NOT_RUNNING, LinkageViolation.LATE_START);
    }
}
