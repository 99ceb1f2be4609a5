package dev.lantian.hardware.sensor.ads1115;

import java.time.Duration;

/**
 * How the ADS1115 samples a clamp: the single-ended input (AIN0-AIN3 against GND), the programmable
 * gain (full-scale range), single-shot or continuous conversion at 860 samples/s, and the time window
 * one RMS value covers. The window is a time, not a sample count, so it spans whole mains cycles
 * (200 ms = 10 cycles at 50 Hz, 12 at 60 Hz) even when a real board cannot take a sample exactly
 * every 1/860 s; partial cycles would bias the RMS.
 */
public record Ads1115Config(int input, Gain gain, Mode mode, Duration window) {
    public static final int SAMPLES_PER_SECOND = 860;
    /** More would be pointless: ten seconds at the full rate. */
    static final int MAX_SAMPLES = 8600;

    public Ads1115Config {
        if (input < 0 || input > 3) {
            throw new IllegalArgumentException("ADS1115 input is 0-3, got " + input);
        }
        if (window.compareTo(Duration.ofMillis(20)) < 0 || window.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("RMS window of 20 ms to 10 s, got " + window);
        }
    }

    /** AIN{@code input}, 4.096 V range, continuous, 200 ms windows. */
    public static Ads1115Config defaults(int input) {
        return new Ads1115Config(input, Gain.FS_4_096, Mode.CONTINUOUS, Duration.ofMillis(200));
    }

    /** Datasheet SBAS444, table 8 (PGA[2:0]): full-scale range in volts. */
    public enum Gain {
        FS_6_144(0b000, 6.144), FS_4_096(0b001, 4.096), FS_2_048(0b010, 2.048),
        FS_1_024(0b011, 1.024), FS_0_512(0b100, 0.512), FS_0_256(0b101, 0.256);

        final int bits;
        final double fullScale;

        Gain(int bits, double fullScale) {
            this.bits = bits;
            this.fullScale = fullScale;
        }

        /** Volts per count: FSR / 2^15. */
        public double lsb() {
            return fullScale / 32768.0;
        }
    }

    /** Datasheet SBAS444, section 9.4: conversion modes (config bit MODE). */
    public enum Mode { CONTINUOUS, SINGLE_SHOT }

    /** The interval between conversions at 860 SPS. */
    public static Duration samplePeriod() {
        return Duration.ofNanos(1_000_000_000L / SAMPLES_PER_SECOND);
    }

    /**
     * The 16-bit config register (datasheet SBAS444, section 9.6.3, table 8): OS[15] = 1 starts a
     * single conversion, MUX[14:12] = 1xx selects AINx against GND, PGA[11:9], MODE[8] = 1 single-shot,
     * DR[7:5] = 111 for 860 SPS, comparator bits COMP_MODE/POL/LAT = 0 and COMP_QUE[1:0] = 11
     * (comparator disabled, ALERT/RDY high impedance).
     */
    public int configWord() {
        int os = mode == Mode.SINGLE_SHOT ? 1 : 0;
        int mux = 0b100 | input;
        int modeBit = mode == Mode.SINGLE_SHOT ? 1 : 0;
        int dataRate = 0b111;
        int compQueueDisabled = 0b11;
        return (os << 15) | (mux << 12) | (gain.bits << 9) | (modeBit << 8) | (dataRate << 5) | compQueueDisabled;
    }
}
