package dev.lantian.hardware.sensor.ads1115;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.ads1115.Ads1115Config.Gain;
import dev.lantian.hardware.sensor.ads1115.Ads1115Config.Mode;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Against TI SBAS444 (ADS1115 datasheet): config register table 8 (section 9.6.3), FSR table 3. */
class Ads1115CurrentClampTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMillis(200);
    private final VirtualClock clock = new VirtualClock(START, ZoneOffset.UTC);

    /**
     * A simulated ADS1115 with a clamp signal on its input: bias + amplitude * sin(2 pi 50 t) + noise,
     * sampled at the virtual clock's time and quantised to the configured range's LSB.
     */
    final class Chip implements I2cDevice {
        final List<Integer> configWrites = new ArrayList<>();
        final double bias;
        final double amplitude;
        final double noise;
        private final Random random = new Random(42);
        private int config = 0x8583; // power-on default (table 8)
        private int pointer;

        Chip(double bias, double amplitude, double noise) {
            this.bias = bias;
            this.amplitude = amplitude;
            this.noise = noise;
        }

        @Override
        public int address() {
            return 0x48;
        }

        @Override
        public void write(byte[] data) {
            pointer = data[0];
            if (data.length == 3 && pointer == 1) {
                config = ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
                configWrites.add(config);
            }
        }

        @Override
        public byte[] read(int count) {
            int value;
            if (pointer == 1) {
                value = config | 0x8000; // conversions finish within the driver's wait
            } else {
                double seconds = Duration.between(START, clock.instant()).toNanos() / 1e9;
                double volts = bias + amplitude * Math.sin(2 * Math.PI * 50 * seconds + 0.3) + noise * random.nextGaussian();
                double fullScale = Gain.values()[(config >> 9) & 0x7].fullScale;
                value = (int) Math.max(-32768, Math.min(32767, Math.round(volts / (fullScale / 32768))));
            }
            return new byte[] {(byte) (value >> 8), (byte) value};
        }

        @Override
        public byte[] writeRead(byte[] data, int count) throws IOException {
            write(data);
            return read(count);
        }
    }

    @Test
    void configWordsFollowTheDatasheetBitTable() {
        // OS=0 MUX=100 (AIN0/GND) PGA=001 (4.096 V) MODE=0 DR=111 (860 SPS) COMP_QUE=11 -> 0x42E3
        assertThat(new Ads1115Config(0, Gain.FS_4_096, Mode.CONTINUOUS, WINDOW).configWord()).isEqualTo(0x42E3);
        // OS=1 MUX=101 (AIN1/GND) PGA=010 (2.048 V) MODE=1 DR=111 COMP_QUE=11 -> 0xD5E3
        assertThat(new Ads1115Config(1, Gain.FS_2_048, Mode.SINGLE_SHOT, WINDOW).configWord()).isEqualTo(0xD5E3);
        // AIN3 at 6.144 V continuous -> MUX=111, PGA=000 -> 0x70E3
        assertThat(new Ads1115Config(3, Gain.FS_6_144, Mode.CONTINUOUS, WINDOW).configWord()).isEqualTo(0x70E3);
        assertThat(Gain.FS_4_096.lsb()).isEqualTo(125e-6);
    }

    /** SCT-013-000 (100 A : 50 mA, ratio 2000) on a 33 ohm burden, biased at mid-rail of 3.3 V. */
    @Test
    void rmsCurrentOfANoisySineWithOffsetFromCtRatioAndBurden() {
        double amps = 15.0;
        double secondaryPeakVolts = amps * Math.sqrt(2) / 2000 * 33;
        Chip chip = new Chip(1.65, secondaryPeakVolts, 0.002);
        var clamp = new Ads1115CurrentClamp("fan-clamp", chip, clock, Ads1115Config.defaults(0),
                new CurrentClamp.CurrentOutput(2000, 33));

        ReadingSet set = clamp.read();

        assertThat(chip.configWrites).containsExactly(0x42E3);
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        // Noise adds in quadrature: sqrt(15^2 + (0.002/33*2000)^2) = 15.0005 A; quantisation is ~0.004 A.
        assertThat(set.field("current_rms").orElseThrow().value()).isCloseTo(amps, withPercentage(1));
        // The burst covers the 200 ms window (ten mains cycles) after the first conversion settles.
        assertThat(Duration.between(START, clock.instant()).toMillis()).isBetween(200L, 205L);
    }

    /**
     * A real board cannot sleep 1/860 s exactly; here every sample takes 2.325 times as long. The
     * window is a time, so the burst still spans whole mains cycles and the RMS stays right.
     */
    @Test
    void aSlowBoardStillGetsWholeCyclesBecauseTheWindowIsATime() {
        BoardClock slow = new BoardClock() {
            @Override
            public void sleep(Duration duration) {
                clock.sleep(Duration.ofNanos(Math.round(duration.toNanos() * 2.325)));
            }

            @Override
            public java.time.ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
        double amps = 15.0;
        Chip chip = new Chip(1.65, amps * Math.sqrt(2) / 2000 * 33, 0.002);
        var clamp = new Ads1115CurrentClamp("fan-clamp", chip, slow, Ads1115Config.defaults(0),
                new CurrentClamp.CurrentOutput(2000, 33));
        assertThat(clamp.read().field("current_rms").orElseThrow().value()).isCloseTo(amps, withPercentage(1));
        // The burst ended with the window (plus the settling and one slow sample), not after 172 slow samples.
        assertThat(Duration.between(START, clock.instant()).toMillis()).isBetween(200L, 215L);
    }

    @Test
    void voltageOutputClampAndSingleShotModeGiveTheSameCurrent() {
        // SCT-013-030: 30 A gives 1 V RMS.
        double amps = 12.0;
        // On the 2.048 V range the bias must sit lower than mid-rail of 3.3 V to leave room for the swing.
        Chip chip = new Chip(1.0, amps / 30 * Math.sqrt(2), 0.001);
        var clamp = new Ads1115CurrentClamp("fan-clamp", chip, clock,
                new Ads1115Config(2, Gain.FS_2_048, Mode.SINGLE_SHOT, Duration.ofMillis(100)), new CurrentClamp.VoltageOutput(30));

        ReadingSet set = clamp.read();

        // 100 ms at 860 SPS: about 86 conversions, each started with OS=1.
        assertThat(chip.configWrites).hasSizeBetween(86, 87).allMatch(c -> c == 0xE5E3);
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.field("current_rms").orElseThrow().value()).isCloseTo(amps, withPercentage(1.5));
    }

    @Test
    void noCurrentGivesNearZeroNotTheBias() {
        Chip chip = new Chip(1.65, 0, 0.0005);
        var clamp = new Ads1115CurrentClamp("fan-clamp", chip, clock, Ads1115Config.defaults(0),
                new CurrentClamp.CurrentOutput(2000, 33));
        assertThat(clamp.read().field("current_rms").orElseThrow().value()).isLessThan(0.05);
    }

    @Test
    void aClippedInputIsFlaggedAboveRange() {
        Chip chip = new Chip(1.65, 3.0, 0);
        var clamp = new Ads1115CurrentClamp("fan-clamp", chip, clock, Ads1115Config.defaults(0),
                new CurrentClamp.CurrentOutput(2000, 33));
        ReadingSet set = clamp.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.T);
        assertThat(set.detail()).contains("clipped");
    }

    @Test
    void aSilentConverterIsCommunicationFault() {
        I2cDevice dead = new dev.lantian.hardware.i2c.RegisterFileI2cDevice(0x48);
        ((dev.lantian.hardware.i2c.RegisterFileI2cDevice) dead).unplug();
        var clamp = new Ads1115CurrentClamp("fan-clamp", dead, clock, Ads1115Config.defaults(0),
                new CurrentClamp.CurrentOutput(2000, 33));
        assertThat(clamp.read().flag()).isEqualTo(QualityFlag.B);
    }
}
