package dev.lantian.hardware.sensor.bme280;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.i2c.RegisterFileI2cDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Against Bosch BST-BME280-DS002 (compensation, section 4.2.3 / 8.2; trimming layout, table 16).
 * The temperature and pressure formulas are the same as the BMP280's, whose datasheet
 * (BST-BMP280-DS001, section 3.12) publishes a worked example used here as the golden vector.
 */
class Bme280Test {
    /** BMP280 datasheet 3.12 trimming values; humidity values typical of real BME280 parts. */
    static final Bme280Calibration REFERENCE = new Bme280Calibration(27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
            75, 362, 0, 313, 50, 30);
    static final int ADC_T = 519888;
    static final int ADC_P = 415148;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void temperatureAndPressureMatchTheDatasheetWorkedExample() {
        int tFine = REFERENCE.fineTemperature(ADC_T);
        assertThat(tFine).isEqualTo(128422);
        assertThat(Bme280Calibration.temperatureCentiDegrees(tFine)).isEqualTo(2508);
        // The datasheet prints 25767236 (100653.27 Pa) from its float drawing; the 64-bit integer
        // formula lands a few 1/256 Pa from it, well inside the 0.01 Pa it is printed to.
        assertThat(REFERENCE.pressureQ24_8(ADC_P, tFine) / 256.0).isCloseTo(100653.27, within(0.02));
    }

    /**
     * No published humidity example exists; the integer formula (4.2.3) is held to the datasheet's
     * own double-precision formula (section 8.1) over the whole raw range.
     */
    @Test
    void humidityIntegerFormulaAgreesWithTheDatasheetFloatingPointFormula() {
        int tFine = REFERENCE.fineTemperature(ADC_T);
        for (int adcH = 20000; adcH <= 40000; adcH += 500) {
            double integer = REFERENCE.humidityQ22_10(adcH, tFine) / 1024.0;
            double h = tFine - 76800.0;
            h = (adcH - (REFERENCE.h4() * 64.0 + REFERENCE.h5() / 16384.0 * h))
                    * (REFERENCE.h2() / 65536.0 * (1.0 + REFERENCE.h6() / 67108864.0 * h
                    * (1.0 + REFERENCE.h3() / 67108864.0 * h)));
            h = h * (1.0 - REFERENCE.h1() * h / 524288.0);
            h = Math.max(0, Math.min(100, h));
            assertThat(integer).as("adc_H %d", adcH).isCloseTo(h, within(0.02));
        }
    }

    /** Table 16: H4 is 0xE4[7:0] then 0xE5[3:0]; H5 is 0xE6[7:0] then 0xE5[7:4]; both signed 12 bit. */
    @Test
    void parsesTheSplitHumidityTrimmingRegisters() {
        Bme280Calibration c = Bme280Calibration.parse(block88(REFERENCE), blockE1(REFERENCE));
        assertThat(c).isEqualTo(REFERENCE);
        Bme280Calibration negative = Bme280Calibration.parse(new byte[26],
                new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0x2E, (byte) 0xFE, 0});
        assertThat(negative.h4()).isEqualTo(-2);   // 0xFFE as signed 12 bit
        assertThat(negative.h5()).isEqualTo(-30);  // 0xFE2
    }

    static byte[] block88(Bme280Calibration c) {
        int[] words = {c.t1(), c.t2(), c.t3(), c.p1(), c.p2(), c.p3(), c.p4(), c.p5(), c.p6(), c.p7(), c.p8(), c.p9()};
        byte[] b = new byte[26];
        for (int i = 0; i < words.length; i++) {
            b[2 * i] = (byte) words[i];
            b[2 * i + 1] = (byte) (words[i] >> 8);
        }
        b[25] = (byte) c.h1();
        return b;
    }

    static byte[] blockE1(Bme280Calibration c) {
        return new byte[] {(byte) c.h2(), (byte) (c.h2() >> 8), (byte) c.h3(), (byte) (c.h4() >> 4),
                (byte) ((c.h4() & 0x0F) | ((c.h5() & 0x0F) << 4)), (byte) (c.h5() >> 4), (byte) c.h6()};
    }

    /** Raw data registers 0xF7-0xFE: press[19:0], temp[19:0] (each msb, lsb, xlsb[7:4]), hum[15:0]. */
    static byte[] data(int adcP, int adcT, int adcH) {
        return new byte[] {(byte) (adcP >> 12), (byte) (adcP >> 4), (byte) (adcP << 4),
                (byte) (adcT >> 12), (byte) (adcT >> 4), (byte) (adcT << 4), (byte) (adcH >> 8), (byte) adcH};
    }

    static RegisterFileI2cDevice chip(int adcH) {
        return new RegisterFileI2cDevice(0x76).load(0xD0, (byte) 0x60).load(0x88, block88(REFERENCE))
                .load(0xE1, blockE1(REFERENCE)).load(0xF7, data(ADC_P, ADC_T, adcH));
    }

    @Test
    void readsInForcedModeAndReportsCompensatedValues() {
        RegisterFileI2cDevice chip = chip(30000);
        ReadingSet set = new Bme280("climate", chip, clock).read();

        assertThat(chip.register(0xF2)).isEqualTo(0x01);   // osrs_h x1
        assertThat(chip.register(0xF4)).isEqualTo(0x25);   // osrs_t x1, osrs_p x1, forced mode
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.field("temperature").orElseThrow().value()).isEqualTo(25.08);
        assertThat(set.field("pressure").orElseThrow().value()).isCloseTo(1006.5327, within(0.001));
        assertThat(set.field("humidity").orElseThrow().value())
                .isEqualTo(REFERENCE.humidityQ22_10(30000, 128422) / 1024.0).isBetween(0.0, 100.0);
    }

    @Test
    void aBmp280WithoutHumidityIsReportedAsTheWrongChip() {
        RegisterFileI2cDevice chip = chip(30000).load(0xD0, (byte) 0x58);
        ReadingSet set = new Bme280("climate", chip, clock).read();
        assertThat(set.flag()).isEqualTo(QualityFlag.D);
        assertThat(set.detail()).contains("0x58");
    }

    @Test
    void aSkippedHumidityMeasurementIsAFaultOnThatFieldOnly() {
        ReadingSet set = new Bme280("climate", chip(0x8000), clock).read();
        assertThat(set.field("humidity").orElseThrow().flag()).isEqualTo(QualityFlag.D);
        assertThat(set.field("temperature").orElseThrow().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void aTemperatureBeyondTheOperatingRangeIsFlaggedT() {
        // adc_T near the top of the 20-bit range gives far more than 85 C with these constants.
        RegisterFileI2cDevice chip = chip(30000).load(0xF7, data(ADC_P, 0xF0000, 30000));
        ReadingSet set = new Bme280("climate", chip, clock).read();
        assertThat(set.field("temperature").orElseThrow().value()).isGreaterThan(85);
        assertThat(set.field("temperature").orElseThrow().flag()).isEqualTo(QualityFlag.T);
    }

    @Test
    void aDeadChipIsCommunicationFaultAndIsReadAgainWhenItReturns() {
        RegisterFileI2cDevice chip = chip(30000);
        Bme280 bme = new Bme280("climate", chip, clock);
        chip.unplug();
        assertThat(bme.read().flag()).isEqualTo(QualityFlag.B);
        chip.plugIn();
        assertThat(bme.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void waitsWhileTheChipSaysMeasuringAndGivesUpBoundedly() {
        RegisterFileI2cDevice chip = chip(30000).load(0xF3, (byte) 0x08);
        Instant before = clock.instant();
        assertThat(new Bme280("climate", chip, clock).read().flag()).isEqualTo(QualityFlag.B);
        assertThat(clock.instant()).isBefore(before.plusMillis(200));
    }
}
