package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.agent.acquire.DeviceCounters;
import dev.lantian.agent.assembly.Board;
import dev.lantian.agent.assembly.RealComponents;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.measure.ChannelView;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's whole board, from a site file with an I2C bus, polls the site's chips through {@code boardIo()}. */
class I2cBoardTest {
    static final String SITE = """
            site: { enterprise: Test, enterprise_code: t, device_id: 010000A8900016F0001DE3D0, system_code: 31 }
            buses:
              - { id: i2c-1, type: i2c, bus: 1 }
            devices:
              - { id: sps, type: sps30, bus: i2c-1, poll_period: 5s }
              - { id: sgp, type: sgp40, bus: i2c-1, poll_period: 1s }
              - { id: air, type: bme280, bus: i2c-1, address: 0x77, poll_period: 5s }
              - { id: ghost, type: bme280, bus: i2c-1, address: 0x76, poll_period: 5s }
            channels:
              - { id: pm10, quantity: pm10, unit: "ug/m3", source: { device: sps, field: pm10 }, sampling_period: 5s }
              - { id: voc, quantity: voc_index, unit: "1", source: { device: sgp, field: voc_index }, sampling_period: 5s }
              - { id: t, quantity: temperature, unit: "C", source: { device: air, field: temperature }, sampling_period: 5s }
              - { id: t2, quantity: temperature, unit: "C", source: { device: ghost, field: temperature }, sampling_period: 5s }
            storage: { path: "STORE" }
            """;

    @Test
    void theBoardPollsTheChipsAndAnEmptyAddressFails(@TempDir Path dir) throws Exception {
        Scenario scenario = PlantTest.scenario(ScenarioLoaderTest.SMALL.replace("incidents:\n", """
                  - { id: sps, kind: sps30, treatment: [filter] }
                  - { id: sgp, kind: sgp40, treatment: [voc] }
                  - { id: air, kind: bme280, address: 0x77 }
                incidents:
                """));
        Plant plant = new Plant(scenario);
        VirtualClock clock = new VirtualClock(plant.now(), scenario.zone());
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, SITE.replace("STORE", dir.resolve("board.db").toString()));
        SiteConfig config = ConfigLoader.load(file);
        try (VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(false, dir, clock));
             Board board = Board.build(config, RealComponents.forBoard(config, clock, site.boardIo(), ClockQuality.SYNCED, "test"))) {
            plant.advanceTo(scenario.start().plus(Duration.ofMinutes(2)));
            board.runUntil(scenario.start().plus(Duration.ofMinutes(2)));
            Map<String, ChannelView> channels = board.view().measure().channels().stream()
                    .collect(Collectors.toMap(ChannelView::channel, Function.identity()));
            assertThat(channels.get("t").latestFlag()).isEqualTo(QualityFlag.N);
            assertThat(channels.get("t").latestValue()).isCloseTo(plant.weather("air").temperature(), within(0.02));
            assertThat(channels.get("pm10").latestFlag()).isEqualTo(QualityFlag.N);
            assertThat(channels.get("pm10").latestValue()).isCloseTo(plant.dust("sps").pm10(), within(plant.dust("sps").pm10() * 0.2));
            assertThat(channels.get("voc").latestTime()).isAfter(scenario.start().plus(Duration.ofMinutes(1)));
            // nothing at 0x76: the driver's silence, never a value
            assertThat(channels.get("t2").latestFlag()).isEqualTo(QualityFlag.B);
            assertThat(board.view().acquisition()).extracting(DeviceCounters::device).contains("sps", "sgp", "air", "ghost");
        }
    }
}
