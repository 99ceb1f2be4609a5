package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkageScenarioTest {

    @Test
    void treatmentNotRunningIsAViolationFromTheEndOfTheGraceUntilTheTreatmentStarts() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).at("08:10").power("bag-filter", 30).at("08:20");

        EquipmentEvent e = plant.single(LinkageViolation.NOT_RUNNING);
        assertThat(e.equipment()).isEqualTo("bag-filter");
        assertThat(((LinkageViolation) e).production()).isEqualTo("line1");
        assertThat(e.start()).isEqualTo(plant.instant("08:02"));
        assertThat(e.end()).contains(plant.instant("08:10"));
        assertThat(e.severity()).isEqualTo(Severity.ALARM);
    }

    @Test
    void theViolationIsReportedOpenAtItsStartThenClosedThenWithFullEvidence() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).at("08:03");

        EventNotice opened = plant.notices.stream().filter(n -> n.event().rule().equals(LinkageViolation.NOT_RUNNING))
                .findFirst().orElseThrow();
        assertThat(opened.kind()).isEqualTo(EventNotice.Kind.OPENED);
        assertThat(opened.event().end()).isEmpty();
        Evidence early = opened.event().evidence();
        assertThat(early.complete()).isFalse();
        assertThat(early.from()).isEqualTo(plant.instant("07:57"));
        assertThat(early.samples()).extracting(s -> s.channel()).contains("line1-power", "filter-power").doesNotContain("line2-power");
        assertThat(early.samples()).allMatch(s -> !s.time().isBefore(plant.instant("07:57")));
        assertThat(early.samples()).anyMatch(s -> s.channel().equals("line1-power") && s.value() == 60);

        plant.at("08:05").power("bag-filter", 30).at("08:08");
        List<EventNotice> all = plant.notices.stream().filter(n -> n.event().id().equals(opened.event().id())).toList();
        assertThat(all).extracting(EventNotice::kind).containsExactly(EventNotice.Kind.OPENED, EventNotice.Kind.CLOSED,
                EventNotice.Kind.EVIDENCE_COMPLETE);
        Evidence full = all.get(2).event().evidence();
        assertThat(full.complete()).isTrue();
        assertThat(full.to()).isEqualTo(plant.instant("08:07"));
        assertThat(full.samples()).anyMatch(s -> s.time().equals(plant.instant("08:07")))
                .noneMatch(s -> s.time().isAfter(plant.instant("08:07")));
        assertThat(all.get(2).event().end()).contains(plant.instant("08:05"));
    }

    @Test
    void treatmentStartedTooShortlyBeforeProductionIsALateStartCoveringTheMissingLead() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:59").power("bag-filter", 30).at("08:00").power("line1", 60).at("08:10");

        EquipmentEvent e = plant.single(LinkageViolation.LATE_START);
        assertThat(e.start()).isEqualTo(plant.instant("07:57"));
        assertThat(e.end()).contains(plant.instant("07:59"));
        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).isEmpty();
    }

    @Test
    void treatmentStartedAfterProductionIsALateStartUntilItStarts() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).at("08:01").power("bag-filter", 30).at("08:10");

        EquipmentEvent e = plant.single(LinkageViolation.LATE_START);
        assertThat(e.start()).isEqualTo(plant.instant("07:57"));
        assertThat(e.end()).contains(plant.instant("08:01"));
        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).as("within the grace").isEmpty();
    }

    @Test
    void treatmentStoppedBeforeTheLagIsAnEarlyStopUntilTheLagEnds() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 60)
                .at("17:00").power("line1", 0).at("17:02").power("bag-filter", 0).at("17:30");

        EquipmentEvent e = plant.single(LinkageViolation.EARLY_STOP);
        assertThat(e.start()).isEqualTo(plant.instant("17:02"));
        assertThat(e.end()).contains(plant.instant("17:05"));
        assertThat(plant.events()).hasSize(1);
    }

    @Test
    void treatmentAtLowLoadWhileProductionRunsIsAViolation() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 10).at("08:00").power("line1", 60)
                .at("09:00").power("bag-filter", 30).at("09:10");

        EquipmentEvent e = plant.single(LinkageViolation.LOW_LOAD);
        assertThat(e.start()).isEqualTo(plant.instant("08:00"));
        assertThat(e.end()).contains(plant.instant("09:00"));
        assertThat(e.severity()).isEqualTo(Severity.WARNING);
        assertThat(plant.events()).hasSize(1);
    }

    @Test
    void oneFilterServingTwoLinesGivesOneEventPerLineAndNoDuplicates() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).power("line2", 50).at("08:30").power("bag-filter", 30).at("08:40");

        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).extracting(e -> ((LinkageViolation) e).production())
                .containsExactlyInAnyOrder("line1", "line2");
        assertThat(plant.notices.stream().filter(n -> n.kind() == EventNotice.Kind.OPENED
                && n.event().rule().equals(LinkageViolation.NOT_RUNNING))).hasSize(2);
        assertThat(plant.events(LinkageViolation.NOT_RUNNING)).allMatch(e -> e.end().equals(Optional.of(plant.instant("08:30"))));
    }

    @Test
    void aReplayOfSamplesWithoutTicksGivesTheSameEventsEvenWithASilentMeter() {
        Plant plant = Plant.bagFilter("07:00").withoutTicks();
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 60)
                .at("09:00").silent("bag-filter", true).at("09:30");

        EquipmentEvent lost = plant.single(TamperEvent.Kind.METER_LOST.rule());
        assertThat(lost.start()).isEqualTo(plant.instant("09:00:55"));
        assertThat(plant.changesOf("bag-filter")).last().extracting(StateChange::to, StateChange::time)
                .containsExactly(EquipmentState.UNKNOWN, plant.instant("09:00:25"));
        assertThat(plant.events()).hasSize(1);
    }
}
