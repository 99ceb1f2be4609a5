package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StaggeredScenarioTest {

    @Test
    void runningIntoAStaggeredPeriodIsAViolationFromItsFirstMidnightUntilTheLineStops() {
        Plant plant = new Plant(BagFilterPlant.settings(), LocalDate.of(2026, 11, 14), "19:00");
        plant.at("19:50").power("bag-filter", 30).at("20:00").power("line1", 60)
                .at("+1d 02:00").power("line1", 0)
                .at("+1d 02:10").power("bag-filter", 0)
                .at("+1d 02:30");

        EquipmentEvent e = plant.single(StaggeredViolation.RULE);
        assertThat(e.equipment()).isEqualTo("line1");
        assertThat(e.start()).isEqualTo(plant.instant("+1d 00:00"));
        assertThat(e.end()).contains(plant.instant("+1d 02:00"));
        assertThat(((StaggeredViolation) e).reason()).isEqualTo("秋冬季错峰生产");
        assertThat(plant.events()).hasSize(1);
    }

    @Test
    void aPeriodEndingWhileTheLineRunsEndsTheViolationAtTheDayAfterItsLastDate() {
        StaggeredPeriod oneDay = new StaggeredPeriod(java.util.List.of("line2"), LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 10), "test");
        Plant plant = new Plant(BagFilterPlant.settings(java.util.List.of(oneDay)), LocalDate.of(2026, 11, 10), "22:00");
        plant.at("22:00").power("bag-filter", 30).at("23:00").power("line2", 50).at("+1d 00:30");

        EquipmentEvent e = plant.single(StaggeredViolation.RULE);
        assertThat(e.start()).isEqualTo(plant.instant("23:00"));
        assertThat(e.end()).contains(plant.instant("+1d 00:00"));
    }
}
