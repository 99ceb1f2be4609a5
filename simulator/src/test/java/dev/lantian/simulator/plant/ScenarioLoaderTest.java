package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantian.simulator.plant.Scenario.IncidentType;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    static final String SMALL = """
            name: small
            start: 2026-10-20T00:00
            duration: 24h
            seed: 7
            lines:
              - { id: line1, rated_kw: 100, shifts: ["06:00-22:00"] }
            treatment:
              - { id: filter, kind: bag-filter, serves: [line1], rated_kw: 40 }
              - { id: voc, kind: voc-unit, serves: [line1], rated_kw: 8 }
            meters:
              - { id: m1, equipment: [line1], protocol: modbus-tcp, register_map: eastron-sdm630, unit: 1 }
              - { id: m2, equipment: [filter], protocol: modbus-rtu, line: bus1, unit: 2 }
            sensors:
              - { id: pms, kind: pms5003, treatment: [filter], baseline: { pm10: 40 } }
              - { id: vocs, kind: voc-analyser, line: bus1, unit: 5, treatment: [voc], baseline: { nmhc: 2 } }
            incidents:
              - { type: treatment-stopped, equipment: filter, from: "10:00", to: "11:00" }
              - { type: treatment-stopped, equipment: voc, from: "12:00", to: "13:00" }
            """;

    @Test
    void theShippedDemoDayHasEveryKindOfIncidentWithItsExpectedViolations() throws Exception {
        Scenario s = ScenarioLoader.shipped("demo-day");
        assertThat(s.incidents()).extracting(Scenario.Incident::type).containsAll(Arrays.asList(IncidentType.values()));
        assertThat(s.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(s.start()).isEqualTo(ZonedDateTime.parse("2026-10-20T00:00+08:00[Asia/Shanghai]").toInstant());
        Scenario.Incident stop = s.incidents().get(0);
        assertThat(stop.expected()).extracting(Scenario.Expectation::rule).containsOnly("linkage.treatment-not-running");
        assertThat(s.incidents().stream().filter(i -> i.type() == IncidentType.CLOCK_STEP).findFirst().orElseThrow().offset())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(s.meters()).extracting(Scenario.Meter::protocol).contains(Scenario.Protocol.MODBUS_RTU,
                Scenario.Protocol.MODBUS_TCP, Scenario.Protocol.DLT645);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        String text = SMALL.replace("{ id: pms, kind: pms5003,", "{ id: pms, knd: pms5003,");
        assertThatThrownBy(() -> ScenarioLoader.parse("small.yaml", text))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("small.yaml")
                .hasMessageContaining("line 14")
                .hasMessageContaining("sensors[0]")
                .hasMessageContaining("unknown key 'knd'");
    }

    @Test
    void aWrongTypeIsNamedWithItsLine() {
        String text = SMALL.replace("rated_kw: 100", "rated_kw: lots");
        assertThatThrownBy(() -> ScenarioLoader.parse("small.yaml", text))
                .hasMessageContaining("line 6")
                .hasMessageContaining("lines[0].rated_kw");
    }

    @Test
    void everyProblemAfterBindingIsListedWithFieldAndLine() {
        String text = SMALL.replace("from: \"10:00\"", "from: \"25:99\"").replace("serves: [line1], rated_kw: 8", "serves: [line9], rated_kw: 8")
                .replace("equipment: voc, from", "equipment: nothing, from");
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("small.yaml", text));
        assertThat(e.problems()).extracting(ScenarioException.Problem::toString).containsExactlyInAnyOrder(
                "line 9, treatment[1].serves[0]: no production line with id 'line9'; known: [line1]",
                "line 17, incidents[0].from: expected a time like 10:30, +1d 02:00 or 2026-10-20T10:30, not '25:99'",
                "line 18, incidents[1].equipment: no treatment unit with id 'nothing'; known: [filter, voc]");
    }

    @Test
    void missingRequiredKeysAndBadChoicesAreNamed() {
        String text = SMALL.replace("name: small\n", "").replace("protocol: modbus-tcp", "protocol: profibus");
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("small.yaml", text));
        assertThat(e.getMessage()).contains("name: is required")
                .contains("line 10, meters[0].protocol: 'profibus' is not one of [modbus-rtu, modbus-tcp, dlt645, pms5003, sds011]");
    }

    @Test
    void notYamlAtAllSaysWhere() {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", "name: x\nlines: [ {\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("bad.yaml").hasMessageContaining("line");
    }

    @Test
    void bme280SitsOnAnI2cBusAndReadsTheSiteWeather() throws Exception {
        String text = SMALL.replace("incidents:\n", """
                  - { id: air, kind: bme280 }
                  - { id: air-roof, kind: bme280, bus: 3, address: 0x77, baseline: { temperature: 25 } }
                  - { id: sps, kind: sps30 }
                weather: { temperature: 12, temperature_swing: 6, humidity: 70, pressure: 1002, warmest: "14:00" }
                incidents:
                """);
        Scenario s = ScenarioLoader.parse("small.yaml", text);
        Scenario.Sensor air = s.sensors().get(2);
        assertThat(air.kind()).isEqualTo(Scenario.SensorKind.BME280);
        assertThat(air.bus()).isEqualTo(1);
        assertThat(air.address()).isEqualTo(0x76);
        assertThat(s.sensors().get(3).bus()).isEqualTo(3);
        assertThat(s.sensors().get(3).address()).isEqualTo(0x77);
        assertThat(s.sensors().get(4).address()).isEqualTo(0x69);
        assertThat(s.weather()).isEqualTo(new Scenario.Weather(12, 6, 70, 20, 1002, java.time.LocalTime.of(14, 0)));
        assertThat(ScenarioLoader.parse("small.yaml", SMALL).weather().pressure()).isEqualTo(1013.25);
    }

    @Test
    void aMalformedI2cSensorOrWeatherIsNamedWithItsLine() {
        String text = SMALL.replace("incidents:\n", """
                  - { id: air, kind: bme280, address: 0x78 }
                  - { id: sps, kind: sps30, address: "0x70" }
                  - { id: air2, kind: bme280, bus: 300, address: nine }
                  - { id: pms2, kind: pms5003, bus: 1 }
                  - { id: air3, kind: bme280 }
                  - { id: air4, kind: bme280, address: 118 }
                weather: { humidity: 120, warmest: noon }
                incidents:
                """);
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("small.yaml", text));
        assertThat(e.problems()).extracting(ScenarioException.Problem::toString).containsExactlyInAnyOrder(
                "line 16, sensors[2].address: a BME280 answers at 0x76 or 0x77 (its SDO pin), not 0x78",
                "line 17, sensors[3].address: an SPS30 always answers at 0x69, not 0x70",
                "line 18, sensors[4].bus: an I2C bus number is 0-255 (/dev/i2c-N), not 300",
                "line 18, sensors[4].address: an I2C address is written 0x76 or 118, not 'nine'",
                "line 19, sensors[5].bus: only I2C sensors (sps30, sgp40, bme280) sit on an I2C bus",
                "line 21, sensors[7].address: another sensor already sits on I2C bus 1 at 0x76",
                "line 22, weather.humidity: must be between 0.0 and 100.0, not 120.0",
                "line 22, weather.warmest: expected a time of day like 15:00, not 'noon'");
    }
}
