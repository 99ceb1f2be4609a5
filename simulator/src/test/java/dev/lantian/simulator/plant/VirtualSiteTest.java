package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.bme280.Bme280;
import dev.lantian.hardware.sensor.sps30.Sps30;
import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.device.DeviceFaults;
import dev.lantian.simulator.device.Socat;
import dev.lantian.simulator.device.WeatherState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's devices on real ports, reached the way a separately started agent reaches them: from the ports file. */
class VirtualSiteTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    final Scenario scenario = PlantTest.scenario(ScenarioLoaderTest.SMALL.replace("sensors:\n",
            "sensors:\n  - { id: sps, kind: sps30, treatment: [filter] }\n  - { id: air, kind: bme280, bus: 1, address: 0x77 }\n") + """
              - { type: clamp-removed, device: m2, from: "10:30", to: "10:40" }
              - { type: sensor-garbage, device: pms, from: "10:30", to: "10:40" }
              - { type: sensor-garbage, device: air, from: "10:30", to: "10:40" }
            """);
    final RegisterMap sdm630 = RegisterMaps.shipped("eastron-sdm630").orElseThrow();

    private static org.assertj.core.data.Offset<Double> floatPrecision(double v) {
        return org.assertj.core.data.Offset.offset(Math.abs(v) * 1e-6);
    }

    private static double totalPower(ModbusLink link, int unit, RegisterMap map) throws Exception {
        List<Reading> readings = dev.lantian.simulator.device.ModbusSlaveTestSupport.poll(link, unit, map);
        return readings.stream().filter(r -> r.field().equals("total_power")).findFirst().orElseThrow().value();
    }

    @Test
    void devicesAreReachableFromThePortsFileAndIncidentsBecomeFaults(@TempDir Path dir) throws Exception {
        Socat.required();
        Plant plant = new Plant(scenario);
        plant.advanceTo(scenario.start().plus(Duration.ofHours(10).plusMinutes(35)));
        try (VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(true, dir.resolve("pty"),
                new VirtualClock(plant.now(), ZoneOffset.UTC)))) {
            site.ports(1).write(dir.resolve("ports.json"));
            PortsFile ports = PortsFile.read(dir.resolve("ports.json"));
            assertThat(site.usesPty()).isTrue();
            assertThat(ports.entry("pms").kind()).isEqualTo(PortsFile.Kind.pty);
            assertThat(ports.entry("m2").path()).isEqualTo(ports.entry("vocs").path()).endsWith("bus1");
            assertThat(ports.entry("m2").unit()).isEqualTo(2);
            PortsFile.Entry m1 = ports.entry("m1");
            assertThat(m1.kind()).isEqualTo(PortsFile.Kind.tcp);

            try (ModbusLink rtu = ModbusLinks.rtuSerial(ports.entry("m2").path(), new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1), TIMEOUT);
                 ModbusLink tcp = ModbusLinks.tcp(m1.host(), m1.port(), TIMEOUT)) {
                assertThat(totalPower(tcp, 1, sdm630)).isCloseTo(plant.meter("m1").totalKw(), floatPrecision(plant.meter("m1").totalKw()));
                double full = totalPower(rtu, 2, sdm630);
                assertThat(full).isCloseTo(plant.meter("m2").totalKw(), floatPrecision(plant.meter("m2").totalKw()));

                site.tick();
                assertThat(site.faults("m2").clampRemoved()).isTrue();
                assertThat(site.faults("pms").mode()).isEqualTo(DeviceFaults.Mode.GARBAGE);
                assertThat(site.faults("m1").mode()).isEqualTo(DeviceFaults.Mode.NORMAL);
                assertThat(totalPower(rtu, 2, sdm630)).isCloseTo(full * 2 / 3, org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @Test
    void withoutPtysRtuLinesBecomeModbusTcpAndSerialSensorsInProcess(@TempDir Path dir) throws Exception {
        Plant plant = new Plant(scenario);
        plant.advanceTo(scenario.start().plus(Duration.ofHours(9)));
        try (VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(false, dir,
                new VirtualClock(plant.now(), ZoneOffset.UTC)))) {
            PortsFile ports = site.ports(60);
            assertThat(ports.entry("pms").kind()).isEqualTo(PortsFile.Kind.memory);
            assertThat(site.memory("pms")).isPresent();
            assertThat(ports.entry("sps").protocol()).isEqualTo("i2c-sps30");
            assertThat(ports.entry("sps").line()).isEqualTo("i2c-1");
            assertThat(ports.entry("sps").address()).isEqualTo("0x69");
            PortsFile.Entry m2 = ports.entry("m2");
            assertThat(m2.kind()).isEqualTo(PortsFile.Kind.tcp);
            assertThat(ports.entry("vocs").port()).isEqualTo(m2.port());
            try (ModbusLink gateway = ModbusLinks.tcp(m2.host(), m2.port(), TIMEOUT)) {
                assertThat(totalPower(gateway, 2, sdm630)).isCloseTo(plant.meter("m2").totalKw(), floatPrecision(plant.meter("m2").totalKw()));
                Map<String, Double> voc = plant.voc("vocs");
                List<Reading> vocReadings = dev.lantian.simulator.device.ModbusSlaveTestSupport.poll(gateway, 5,
                        RegisterMaps.shipped("generic-pid-voc").orElseThrow());
                assertThat(vocReadings.get(1).value()).isCloseTo(voc.get("nmhc"), floatPrecision(voc.get("nmhc")));
            }
        }
    }

    @Test
    void i2cChipsAreReachedThroughTheBoardsPi4jBuses(@TempDir Path dir) throws Exception {
        Plant plant = new Plant(scenario);
        plant.advanceTo(scenario.start().plus(Duration.ofHours(10)));
        VirtualClock clock = new VirtualClock(plant.now(), ZoneOffset.UTC);
        try (VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(false, dir, clock))) {
            PortsFile.Entry air = site.ports(1).entry("air");
            assertThat(air.protocol()).isEqualTo("i2c-bme280");
            assertThat(air.line()).isEqualTo("i2c-1");
            assertThat(air.address()).isEqualTo("0x77");
            BoardIo io = site.boardIo();
            assertThat(site.boardIo()).isSameAs(io);
            Bme280 bme = new Bme280("air", io.i2cBus(1).device(0x77), clock);
            ReadingSet set = bme.read();
            WeatherState w = plant.weather("air");
            assertThat(set.flag()).as(set.detail()).isEqualTo(QualityFlag.N);
            assertThat(set.field("temperature").orElseThrow().value()).isCloseTo(w.temperature(), within(0.011));
            assertThat(set.field("humidity").orElseThrow().value()).isCloseTo(w.humidity(), within(0.05));
            assertThat(set.field("pressure").orElseThrow().value()).isCloseTo(w.pressure(), within(0.02));
            Sps30 sps = new Sps30("sps", io.i2cBus(1).device(0x69), clock);
            sps.read();
            clock.advance(Sps30.START_UP);
            assertThat(sps.read().field("pm10").orElseThrow().value())
                    .isCloseTo(plant.dust("sps").pm10(), floatPrecision(plant.dust("sps").pm10()));
            assertThat(new Bme280("none", io.i2cBus(1).device(0x76), clock).read().flag()).isEqualTo(QualityFlag.B);

            plant.advanceTo(scenario.start().plus(Duration.ofHours(10).plusMinutes(35)));
            site.tick();
            assertThat(site.faults("air").mode()).isEqualTo(DeviceFaults.Mode.GARBAGE);
            assertThat(bme.read().flag()).isNotEqualTo(QualityFlag.N);
        }
    }
}
