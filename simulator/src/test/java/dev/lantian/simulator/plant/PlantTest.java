package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.simulator.device.MeterState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PlantTest {
    private final Scenario scenario = scenario(ScenarioLoaderTest.SMALL + """
              - { type: alert, level: orange, from: "15:00", to: "16:00" }
              - { type: clamp-removed, device: m2, from: "17:00", to: "17:30" }
            """);

    static Scenario scenario(String text) {
        try {
            return ScenarioLoader.parse("test.yaml", text);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private Instant at(String hhmm) {
        return scenario.start().atZone(scenario.zone()).with(LocalTime.parse(hhmm)).toInstant();
    }

    @Test
    void dustRisesWhileTheFilterIsStoppedAndTheLineRuns() {
        Plant plant = new Plant(scenario);
        plant.advanceTo(at("09:59"));
        double before = plant.dust("pms").pm10();
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.RUNNING);
        assertThat(before).isLessThan(40 + 0.05 * 150 + 10);

        plant.advanceTo(at("10:30"));
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.OFF);
        assertThat(plant.power("line1")).isPositive();
        double during = plant.dust("pms").pm10();
        assertThat(during).isGreaterThan(before + 0.8 * 150);

        plant.advanceTo(at("11:40"));
        assertThat(plant.dust("pms").pm10()).isLessThan(before + 20);
    }

    @Test
    void vocRisesWhileTheVocUnitIsStoppedAndNotWhileOnlyTheFilterIs() {
        Plant plant = new Plant(scenario);
        plant.advanceTo(at("10:30"));
        double whileFilterOff = plant.voc("vocs").get("nmhc");
        plant.advanceTo(at("12:30"));
        double whileVocOff = plant.voc("vocs").get("nmhc");
        assertThat(whileFilterOff).isLessThan(2 + 0.05 * 40 + 1);
        assertThat(whileVocOff).isGreaterThan(2 + 0.8 * 40);
    }

    @Test
    void treatmentFollowsTheLineWithLeadAndLagAndTheLineFollowsItsShift() {
        Plant plant = new Plant(scenario);
        plant.advanceTo(at("05:54"));
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.OFF);
        plant.advanceTo(at("05:56"));
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.RUNNING);
        assertThat(plant.power("line1")).isZero();
        plant.advanceTo(at("06:00"));
        assertThat(plant.power("line1")).isEqualTo(80.0);
        plant.advanceTo(at("22:09"));
        assertThat(plant.power("line1")).isZero();
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.RUNNING);
        plant.advanceTo(at("22:11"));
        assertThat(plant.treatmentMode("filter")).isEqualTo(Plant.TreatmentMode.OFF);
    }

    @Test
    void anAlertStopsLinesNotScriptedToKeepRunning() {
        Plant plant = new Plant(scenario);
        plant.advanceTo(at("15:30"));
        assertThat(plant.power("line1")).isZero();
        assertThat(plant.alertLevel()).contains("orange");
        Plant defiant = new Plant(scenario(ScenarioLoaderTest.SMALL + """
                  - { type: alert, level: orange, from: "15:00", to: "16:00", keeps_running: [line1] }
                """));
        defiant.advanceTo(at("15:30"));
        assertThat(defiant.power("line1")).isEqualTo(80.0);
    }

    @Test
    void metersShowThePowerWithSeededNoiseAndCountEnergy() {
        Plant plant = new Plant(scenario);
        plant.advanceTo(at("08:00"));
        MeterState m = plant.meter("m1");
        assertThat(m.totalKw()).isCloseTo(80.0, within(80 * 0.05));
        assertThat(m.totalKw()).isNotEqualTo(80.0);
        assertThat(m.l1().voltage()).isCloseTo(230, within(5.0));
        assertThat(m.l1().current()).isCloseTo(m.l1().powerKw() * 1000 / (m.l1().voltage() * 0.9), within(1e-9));
        double kwh = m.importKwh();
        plant.advanceTo(at("09:00"));
        assertThat(plant.meter("m1").importKwh() - kwh).isCloseTo(80.0, within(1e-6));
    }

    @Test
    void theSameScenarioGivesTheSameDayHoweverItIsAdvanced() {
        Plant jumps = new Plant(scenario);
        Plant steps = new Plant(scenario);
        jumps.advanceTo(at("10:20"));
        for (Instant t = scenario.start(); t.isBefore(at("10:20")); t = t.plus(Duration.ofMillis(7300))) {
            steps.advanceTo(t);
        }
        steps.advanceTo(at("10:20"));
        assertThat(steps.meter("m1")).isEqualTo(jumps.meter("m1"));
        assertThat(steps.dust("pms")).isEqualTo(jumps.dust("pms"));
    }

    @Test
    void incidentsShowAsDeviceFaultsAndPlantFacts() {
        Scenario demo = scenario(ScenarioLoaderTest.SMALL.replace("incidents:\n", """
                incidents:
                  - { type: broker-down, from: "13:00", to: "14:00" }
                  - { type: sensor-garbage, device: pms, from: "13:30", to: "13:40" }
                  - { type: clock-step, from: "13:35", offset: -90s }
                  - { type: clamp-removed, device: m2, from: "13:00", to: "13:45" }
                """));
        Plant plant = new Plant(demo);
        plant.advanceTo(demo.start().plus(Duration.ofHours(13).plusMinutes(36)));
        assertThat(plant.brokerDown()).isTrue();
        assertThat(plant.garbage("pms")).isTrue();
        assertThat(plant.garbage("m1")).isFalse();
        assertThat(plant.clampRemoved("m2")).isTrue();
        assertThat(plant.clockOffset()).isEqualTo(Duration.ofSeconds(-90));
        plant.advanceTo(demo.start().plus(Duration.ofHours(14)));
        assertThat(plant.brokerDown()).isFalse();
        assertThat(plant.garbage("pms")).isFalse();
    }

    @Test
    void theWeatherSwingsOverTheDayWarmestAndDriestInTheAfternoon() {
        Scenario s = scenario(ScenarioLoaderTest.SMALL.replace("incidents:\n", """
                  - { id: air, kind: bme280 }
                weather: { temperature: 10, temperature_swing: 8, humidity: 60, humidity_swing: 30, pressure: 1000 }
                incidents:
                """));
        Plant plant = new Plant(s);
        plant.advanceTo(s.start().plus(Duration.ofHours(3)));
        assertThat(plant.weather("air").temperature()).isCloseTo(6, within(1e-9));
        assertThat(plant.weather("air").humidity()).isCloseTo(75, within(1e-9));
        plant.advanceTo(s.start().plus(Duration.ofHours(15)));
        assertThat(plant.weather("air").temperature()).isCloseTo(14, within(1e-9));
        assertThat(plant.weather("air").humidity()).isCloseTo(45, within(1e-9));
        assertThat(plant.weather("air").pressure()).isBetween(999.5, 1000.5);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> plant.dust("air")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
