package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmergencyScenarioTest {

    /** line1 learns a 100 kW baseline over two hours, the filter runs throughout. */
    private static Plant plantAtFullLoadSince0800() {
        Plant plant = Plant.bagFilter("07:00");
        return plant.at("07:50").power("bag-filter", 30).at("08:00").power("line1", 100);
    }

    @Test
    void aLineAboveItsOrangeLimitIsNonCompliantFromTheFirstExceedingWindowMeanUntilItComplies() {
        Plant plant = plantAtFullLoadSince0800();
        plant.at("10:00").alert(AlertLevel.ORANGE, AlertSource.BUREAU)
                .at("10:30").power("line1", 40)
                .at("11:00");

        EquipmentEvent e = plant.single(EmergencyNonCompliance.LIMIT);
        assertThat(e.equipment()).isEqualTo("line1");
        assertThat(((EmergencyNonCompliance) e).level()).isEqualTo(AlertLevel.ORANGE);
        // judged from 10:15 (one window after the alert); the first judged mean (100 kW) exceeds 50 kW
        assertThat(e.start()).isEqualTo(plant.instant("10:15"));
        // 180 samples per 15 min window: 100·(180−k) + 40·k ≤ 50·180 first when k = 150, i.e. 149 steps after 10:30
        assertThat(e.end()).contains(plant.instant("10:42:25"));
        assertThat(e.detail()).contains("baseline").contains("100.0").contains("BUREAU");
        assertThat(plant.monitor().currentView().openEvents()).isEmpty();
    }

    @Test
    void theNonComplianceEndsWhenTheAlertEnds() {
        Plant plant = plantAtFullLoadSince0800();
        plant.at("10:00").alert(AlertLevel.ORANGE, AlertSource.BUREAU)
                .at("10:20").alert(AlertLevel.NONE, AlertSource.BUREAU)
                .at("10:40");

        EquipmentEvent e = plant.single(EmergencyNonCompliance.LIMIT);
        assertThat(e.start()).isEqualTo(plant.instant("10:15"));
        assertThat(e.end()).contains(plant.instant("10:20"));
    }

    @Test
    void aLineThatKeepsRunningWhenItMustStopIsNonCompliantUntilItStops() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line2", 60)
                .at("10:00").alert(AlertLevel.ORANGE, AlertSource.LOCAL)
                .at("10:40").power("line2", 0)
                .at("11:00");

        EquipmentEvent e = plant.single(EmergencyNonCompliance.STOP);
        assertThat(e.equipment()).isEqualTo("line2");
        assertThat(e.start()).isEqualTo(plant.instant("10:15"));
        assertThat(e.end()).contains(plant.instant("10:40"));
    }

    @Test
    void linesReducedWhenTheAlertStartsAreCompliantAgainstConfiguredAndLearntBaselines() {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("07:50").power("bag-filter", 30).at("08:00").power("line2", 60).power("line1", 100)
                .at("10:00").alert(AlertLevel.YELLOW, AlertSource.BUREAU)
                .power("line2", 45) // under 0.7 × configured 70 kW = 49 kW
                .power("line1", 69) // under 0.7 × learnt 100 kW
                .at("11:00");

        assertThat(plant.events(EmergencyNonCompliance.LIMIT)).isEmpty();
        assertThat(plant.events(EmergencyNonCompliance.STOP)).isEmpty();
    }
}
