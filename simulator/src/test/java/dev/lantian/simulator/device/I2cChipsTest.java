package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.i2c.I2cBus;
import dev.lantian.hardware.i2c.Pi4jBoardIo;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.bme280.Bme280;
import dev.lantian.hardware.sensor.sgp40.Sgp40;
import dev.lantian.hardware.sensor.sps30.Sps30;
import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.plant.Plant;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's SPS30, SGP40 and BME280 drivers read the virtual chips through the agent's own Pi4J
 * adaptor ({@link Pi4jBoardIo}) on {@link SimI2cProvider}, on a virtual clock.
 */
class I2cChipsTest {
    final Plant plant = DemoPlant.at10();
    final VirtualClock clock = new VirtualClock(plant.now(), ZoneOffset.UTC);
    final SimI2cProvider provider = new SimI2cProvider();
    final Pi4jBoardIo board = Pi4jBoardIo.withI2cProvider(provider);

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void sps30ReadsThePlantsDustAndRejectsBrokenCrcs() throws IOException {
        VirtualSps30 chip = new VirtualSps30(() -> plant.dust("pms-boundary"));
        provider.attach(1, chip);
        Sps30 driver = new Sps30("sps30", board.i2cBus(1).device(Sps30.DEFAULT_ADDRESS), clock);
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
        ReadingSet silent = driver.read();
        assertThat(silent.flag()).isEqualTo(QualityFlag.B);
        assertThat(silent.readings()).isEmpty();
        chip.faults().set(DeviceFaults.Mode.NORMAL);
        assertThat(driver.read().readings()).isNotEmpty();
    }

    @Test
    void sgp40RawSignalFallsAsVocRises() throws IOException {
        double[] voc = {2.0};
        VirtualSgp40 chip = new VirtualSgp40(() -> voc[0]);
        provider.attach(1, chip);
        Sgp40 driver = new Sgp40("sgp40", board.i2cBus(1).device(0x59), clock);
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
        chip.faults().set(DeviceFaults.Mode.SILENT);
        clock.advance(Duration.ofSeconds(1));
        assertThat(driver.read().flag()).isEqualTo(QualityFlag.B);
    }

    @Test
    void bme280DriverCompensatesTheRawValuesBackToTheWeather() throws IOException {
        WeatherState[] air = {new WeatherState(21.5, 55, 1013.2)};
        provider.attach(1, new VirtualBme280(0x77, () -> air[0]));
        Bme280 driver = new Bme280("climate", board.i2cBus(1).device(0x77), clock);
        for (double t = -20; t <= 45; t += 6.5) {
            for (double h = 5; h <= 98; h += 18.6) {
                for (double p = 940; p <= 1060; p += 30) {
                    air[0] = new WeatherState(t, h, p);
                    ReadingSet set = driver.read();
                    assertThat(set.flag()).as(set.detail()).isEqualTo(QualityFlag.N);
                    assertThat(set.field("temperature").orElseThrow().value()).isCloseTo(t, within(0.011));
                    assertThat(set.field("humidity").orElseThrow().value()).as("at %s C", t).isCloseTo(h, within(0.05));
                    assertThat(set.field("pressure").orElseThrow().value()).as("at %s C", t).isCloseTo(p, within(0.02));
                }
            }
        }
    }

    @Test
    void bme280FaultsReachTheDriverAsSilenceAndAsBrokenData() throws IOException {
        VirtualBme280 chip = new VirtualBme280(0x76, () -> new WeatherState(18, 60, 1005));
        provider.attach(1, chip);
        Bme280 driver = new Bme280("climate", board.i2cBus(1).device(0x76), clock);
        assertThat(driver.read().flag()).isEqualTo(QualityFlag.N);
        chip.faults().set(DeviceFaults.Mode.SILENT);
        ReadingSet silent = driver.read();
        assertThat(silent.flag()).isEqualTo(QualityFlag.B);
        assertThat(silent.detail()).contains("I/O failed").contains("no ACK");
        chip.faults().set(DeviceFaults.Mode.GARBAGE);
        ReadingSet garbage = driver.read();
        assertThat(garbage.flag()).as(garbage.detail()).isIn(QualityFlag.D, QualityFlag.T);
        chip.faults().set(DeviceFaults.Mode.NORMAL);
        assertThat(driver.read().field("temperature").orElseThrow().value()).isEqualTo(18.0);
    }

    @Test
    void anAddressWithNoChipIsNotAcknowledged() throws IOException {
        provider.attach(1, new VirtualBme280(0x76, () -> new WeatherState(18, 60, 1005)));
        I2cBus bus = board.i2cBus(1);
        assertThatThrownBy(() -> bus.device(0x77).writeRead(new byte[] {(byte) 0xD0}, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("no ACK from 0x77");
        assertThatThrownBy(() -> board.i2cBus(2).device(0x76).read(1)).isInstanceOf(IOException.class);
        ReadingSet set = new Bme280("nowhere", bus.device(0x77), clock).read();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(bus.device(0x76).writeRead(new byte[] {(byte) 0xD0}, 1)).containsExactly(0x60);
    }

    @Test
    void twoChipsCannotShareAnAddress() {
        provider.attach(1, new VirtualSgp40(() -> 1.0));
        assertThatThrownBy(() -> provider.attach(1, new VirtualSgp40(() -> 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x59");
        provider.attach(3, new VirtualSgp40(() -> 2.0));
        assertThat(provider.chip(3, 0x59)).isPresent();
    }

    @Test
    void bme280RegistersBehaveLikeTheDatasheetSays() throws IOException {
        VirtualBme280 chip = new VirtualBme280(0x76, () -> new WeatherState(18, 60, 1005));
        provider.attach(1, chip);
        var device = board.i2cBus(1).device(0x76);
        assertThat(device.writeRead(new byte[] {(byte) 0xF7}, 8)).as("no sample before the first measurement")
                .containsExactly(0x80, 0, 0, 0x80, 0, 0, 0x80, 0);
        device.write(new byte[] {(byte) 0xD0, 0x11, (byte) 0x88, 0}); // read-only: ignored
        assertThat(device.writeRead(new byte[] {(byte) 0xD0}, 1)).containsExactly(0x60);
        device.write(new byte[] {(byte) 0xF4, 0b001_001_01}); // forced, humidity oversampling still "skipped"
        byte[] data = device.writeRead(new byte[] {(byte) 0xF7}, 8);
        assertThat(data[0] & 0xFF).isNotEqualTo(0x80);
        assertThat(new int[] {data[6] & 0xFF, data[7] & 0xFF}).containsExactly(0x80, 0x00);
        assertThat(device.writeRead(new byte[] {(byte) 0xF4}, 1)).as("forced mode ends in sleep").containsExactly(0b001_001_00);
        device.write(new byte[] {(byte) 0xE0, (byte) 0xB6});
        assertThat(device.writeRead(new byte[] {(byte) 0xF2}, 4)).containsExactly(0, 0, 0, 0);
        assertThat(device.writeRead(new byte[] {(byte) 0xFA}, 1)).containsExactly(0x80);
        ReadingSet set = new Bme280("climate", device, clock).read();
        assertThat(set.field("humidity").orElseThrow().value()).isCloseTo(60, within(0.01));
        assertThatThrownBy(() -> new VirtualBme280(0x40, () -> null)).isInstanceOf(IllegalArgumentException.class);
    }
}
