package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.sgp40.Sgp40;
import dev.lantian.hardware.sensor.sps30.Sps30;
import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.plant.Plant;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The agent's SPS30 and SGP40 drivers read the virtual I2C chips, on a virtual clock. */
class I2cChipsTest {
    final Plant plant = DemoPlant.at10();
    final VirtualClock clock = new VirtualClock(plant.now(), ZoneOffset.UTC);

    @Test
    void sps30ReadsThePlantsDustAndRejectsBrokenCrcs() {
        VirtualSps30 chip = new VirtualSps30(() -> plant.dust("pms-boundary"));
        Sps30 driver = new Sps30("sps30", chip, clock);
        clock.advance(Duration.ofSeconds(1));
        driver.read(); // starts the measurement; the first values may be flagged for start-up
        clock.advance(Sps30.START_UP);
        ReadingSet set = driver.read();
        DustState d = plant.dust("pms-boundary");
        assertThat(set.flag()).as(set.detail()).isEqualTo(QualityFlag.N);
        assertThat(set.field("pm10").orElseThrow().value()).isCloseTo(d.pm10(), within(d.pm10() * 1e-6));
        assertThat(set.field("pm2_5").orElseThrow().value()).isCloseTo(d.pm2_5(), within(d.pm2_5() * 1e-6));

        chip.faults().set(DeviceFaults.Mode.GARBAGE);
        assertThat(driver.read().flag()).isEqualTo(QualityFlag.B);
        assertThat(driver.crcFailures()).isPositive();
        chip.faults().set(DeviceFaults.Mode.SILENT);
        assertThat(driver.read().flag()).isEqualTo(QualityFlag.B);
        chip.faults().set(DeviceFaults.Mode.NORMAL);
        assertThat(driver.read().readings()).isNotEmpty();
    }

    @Test
    void sgp40RawSignalFallsAsVocRises() {
        double[] voc = {2.0};
        VirtualSgp40 chip = new VirtualSgp40(() -> voc[0]);
        Sgp40 driver = new Sgp40("sgp40", chip, clock);
        double clean = driver.read().field("sraw").orElseThrow().value();
        voc[0] = 12.0;
        clock.advance(Duration.ofSeconds(1));
        double dirty = driver.read().field("sraw").orElseThrow().value();
        assertThat(clean).isEqualTo(28_000);
        assertThat(dirty).isEqualTo(18_000);
        chip.faults().set(DeviceFaults.Mode.GARBAGE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(driver.read().flag()).isEqualTo(QualityFlag.B);
        assertThat(driver.crcFailures()).isEqualTo(1);
    }
}
