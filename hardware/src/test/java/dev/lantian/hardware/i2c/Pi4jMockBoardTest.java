package dev.lantian.hardware.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.lantian.hardware.gpio.DigitalInput;
import dev.lantian.hardware.gpio.DryContact;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.bme280.Bme280;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Pi4J path, provider chosen by id, with Pi4J's mock plugin standing in for the board.
 *
 * <p>Pi4J 2.8's MockI2C keeps one FIFO per register ({@code writeRegister} appends, {@code
 * readRegister} pops) and one FIFO for plain reads and writes, into which a plain write also goes;
 * it does not act like a chip. A register-pointer chip such as the BME280 therefore works through it
 * when the test queues each register's contents once per read, as here; a command-style Sensirion
 * chip cannot (its command bytes would come back as the answer), which is why the Sensirion drivers
 * are tested against simulated chips instead.
 */
class Pi4jMockBoardTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    private static byte[] calibration88() {
        int[] w = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
        byte[] b = new byte[26];
        for (int i = 0; i < w.length; i++) {
            b[2 * i] = (byte) w[i];
            b[2 * i + 1] = (byte) (w[i] >> 8);
        }
        b[25] = 75;
        return b;
    }

    @Test
    void bme280ReadsThroughPi4jMockI2c() throws Exception {
        try (BoardIo board = BoardIo.open(BoardIo.MOCK)) {
            I2cDevice device = board.i2cBus(1).device(0x76);
            I2C mock = ((Pi4jBoardIo) board).i2cContext().io(Pi4jBoardIo.idOf(1, 0x76), I2C.class);
            mock.writeRegister(0xD0, (byte) 0x60);
            mock.writeRegister(0x88, calibration88());
            mock.writeRegister(0xE1, new byte[] {0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E});
            mock.writeRegister(0xF3, (byte) 0x00);
            // adc_P = 415148, adc_T = 519888 (BMP280 datasheet 3.12), adc_H = 30000
            mock.writeRegister(0xF7, new byte[] {0x65, 0x5A, (byte) 0xC0, 0x7E, (byte) 0xED, 0x00, 0x75, 0x30});

            ReadingSet set = new Bme280("climate", device, clock).read();

            assertThat(set.flag()).isEqualTo(QualityFlag.N);
            assertThat(set.field("temperature").orElseThrow().value()).isEqualTo(25.08);
            assertThat(set.field("pressure").orElseThrow().value()).isCloseTo(1006.5327, within(0.001));
            assertThat(set.field("humidity").orElseThrow().value()).isBetween(0.0, 100.0);

            // Nothing queued any more: the mock answers a read short, which the driver turns into B.
            ReadingSet silent = new Bme280("climate", device, clock).read();
            assertThat(silent.flag()).isEqualTo(QualityFlag.B);
            assertThat(silent.detail()).contains("short read");
        }
    }

    @Test
    void dryContactReadsThroughPi4jMockDigitalInput() throws Exception {
        try (BoardIo board = BoardIo.open("MOCK")) {
            DigitalInput line = board.digitalInput(17, true);
            MockDigitalInput mock = ((Pi4jBoardIo) board).gpioContext().io("gpio-in-17", MockDigitalInput.class);
            mock.mockState(DigitalState.HIGH);
            DryContact relay = new DryContact("fan-relay", line, clock, true, Duration.ofMillis(50));
            assertThat(relay.read().field("state").orElseThrow().value()).isEqualTo(0);
            mock.mockState(DigitalState.LOW);
            clock.advance(Duration.ofMillis(10));
            relay.read();
            clock.advance(Duration.ofMillis(50));
            assertThat(relay.read().field("state").orElseThrow().value()).isEqualTo(1);
        }
    }

    @Test
    void aMachineWithoutTheBusSaysSoInsteadOfThrowingSomethingObscure(@TempDir Path dev) {
        try (BoardIo board = Pi4jBoardIo.real(dev)) {
            assertThatThrownBy(() -> board.i2cBus(1)).isInstanceOf(IOException.class)
                    .hasMessageContaining(dev.resolve("i2c-1").toString())
                    .hasMessageContaining("I2C enabled");
        }
    }

    /**
     * The device file exists (here a stand-in in a temp dir) but Pi4J's linuxfs cannot use the bus
     * (it opens /dev/i2c-N itself, absent on a build machine): its unchecked exceptions must arrive
     * as an IOException, the kind the drivers turn into flag B.
     */
    @Test
    void linuxfsFailuresArriveAsIoExceptions(@TempDir Path dev) throws IOException {
        Files.createFile(dev.resolve("i2c-57"));
        try (BoardIo board = Pi4jBoardIo.real(dev)) {
            assertThatThrownBy(() -> board.i2cBus(57).device(0x76).writeRead(new byte[] {(byte) 0xD0}, 1))
                    .isInstanceOf(IOException.class);
        }
    }

    /** A provider given to the board serves its I2C (the simulator's virtual chips use this seam). */
    @Test
    void aGivenI2cProviderServesTheBusesAndGpioStaysMock() throws Exception {
        java.util.List<String> opened = new java.util.ArrayList<>();
        com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl provider = new com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl() {
            {
                id = "test-i2c";
            }

            @Override
            public I2C create(com.pi4j.io.i2c.I2CConfig config) {
                opened.add(config.bus() + "/" + Integer.toHexString(config.device()));
                return super.create(config);
            }
        };
        try (Pi4jBoardIo board = Pi4jBoardIo.withI2cProvider(provider)) {
            I2cDevice device = board.i2cBus(3).device(0x40);
            device.write(new byte[] {0x01, 0x02});
            assertThat(opened).containsExactly("3/40");
            assertThat(board.i2cContext().io(Pi4jBoardIo.idOf(3, 0x40), I2C.class).provider().id()).isEqualTo("test-i2c");
            assertThat(board.digitalInput(5, false)).isNotNull();
        }
        assertThatThrownBy(() -> Pi4jBoardIo.withI2cProvider(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unknownProviderIdIsRejected() {
        assertThatThrownBy(() -> BoardIo.open("rpi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("real, mock");
    }

    @Test
    void addressesOutsideTheSevenBitRangeAreRefused() throws Exception {
        try (BoardIo board = BoardIo.open(BoardIo.MOCK)) {
            assertThatThrownBy(() -> board.i2cBus(1).device(0x80)).isInstanceOf(IOException.class);
        }
    }
}
