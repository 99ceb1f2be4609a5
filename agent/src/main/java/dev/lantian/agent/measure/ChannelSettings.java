package dev.lantian.agent.measure;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the measurement stage needs to know about one channel (the lead maps a {@code channels[]}
 * entry of the site YAML onto this record; the device's {@code warmup} becomes {@link #warmup()}).
 * Optional parts are {@code null} when absent. Build with {@link #of} and the {@code with…} methods.
 *
 * @param id                  channel id
 * @param quantity            e.g. {@code pm2_5}, {@code pm10}, {@code energy}; selects the IAQI column for 24 h windows
 * @param unit                unit of the calibrated values
 * @param samplingPeriod      nominal spacing of samples
 * @param cumulative          a counter (energy): periods also report their increase
 * @param rollover            for counters: the modulus at which the register wraps back to zero (e.g. 100000 for a
 *                            99999.99 kWh register, 2^32 × scale); {@code NaN} when unknown
 * @param windows             sliding windows kept per sample (e.g. 5m, 1h, 24h)
 * @param validRange          values outside are flagged (below: D, above: T); null = no check
 * @param fog                 optical PM: readings above a humidity are flagged D; null = no check
 * @param spike               Hampel spike rejection; null = off
 * @param calibration         calibration history (raw → value)
 * @param limits              exceedance alarms
 * @param warmup              samples within this time after {@link MeasurementStage#sensorStarted} are rejected
 * @param minSamplesPerMinute valid samples a one-minute value needs; 0 = derived from the sampling period
 *                            ({@link #requiredSamplesPerMinute()})
 */
public record ChannelSettings(String id, String quantity, String unit, Duration samplingPeriod, boolean cumulative,
                              double rollover, List<Duration> windows, ValidRange validRange, Fog fog, Spike spike,
                              CalibrationHistory calibration, List<Limit> limits, Duration warmup,
                              int minSamplesPerMinute) {

    public ChannelSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(samplingPeriod, "samplingPeriod");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(warmup, "warmup");
        windows = List.copyOf(windows);
        limits = List.copyOf(limits);
        if (samplingPeriod.isNegative() || samplingPeriod.isZero()) {
            throw new IllegalArgumentException(id + ": sampling period must be positive");
        }
        for (Duration w : windows) {
            if (w.isNegative() || w.isZero()) {
                throw new IllegalArgumentException(id + ": window must be positive: " + w);
            }
        }
        if (!Double.isNaN(rollover) && !(rollover > 0)) {
            throw new IllegalArgumentException(id + ": rollover must be positive");
        }
        if (minSamplesPerMinute < 0) {
            throw new IllegalArgumentException(id + ": minSamplesPerMinute must not be negative");
        }
    }

    /** A plain channel: no windows, checks, calibration, limits or warm-up. */
    public static ChannelSettings of(String id, String quantity, String unit, Duration samplingPeriod) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, false, Double.NaN, List.of(), null, null, null,
                CalibrationHistory.none(), List.of(), Duration.ZERO, 0);
    }

    /**
     * Valid samples a one-minute value needs. HJ 212-2017 asks for at least 12 samples with at most
     * 5 s between them, i.e. one sample per 5 s of the minute. Scaled: a sensor faster than 5 s must
     * still deliver 12, a slower one every sample it can deliver in the minute
     * ({@code ceil(60 s / max(period, 5 s))}: 10 s → 6, 30 s → 2, ≥ 60 s → 1). Overridden by
     * {@code minSamplesPerMinute > 0}.
     */
    public int requiredSamplesPerMinute() {
        if (minSamplesPerMinute > 0) {
            return minSamplesPerMinute;
        }
        long periodMillis = Math.max(samplingPeriod.toMillis(), 5_000L);
        return (int) Math.max(1, (60_000L + periodMillis - 1) / periodMillis);
    }

    public ChannelSettings asCounter(double rolloverModulus) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, true, rolloverModulus, windows, validRange, fog, spike, calibration, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withWindows(List<Duration> newWindows) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, newWindows, validRange, fog, spike, calibration, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withValidRange(ValidRange range) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, range, fog, spike, calibration, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withFog(Fog newFog) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, newFog, spike, calibration, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withSpike(Spike newSpike) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, fog, newSpike, calibration, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withCalibration(CalibrationHistory history) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, fog, spike, history, limits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withLimits(List<Limit> newLimits) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, fog, spike, calibration, newLimits, warmup, minSamplesPerMinute);
    }

    public ChannelSettings withWarmup(Duration newWarmup) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, fog, spike, calibration, limits, newWarmup, minSamplesPerMinute);
    }

    public ChannelSettings withMinSamplesPerMinute(int samples) {
        return new ChannelSettings(id, quantity, unit, samplingPeriod, cumulative, rollover, windows, validRange, fog, spike, calibration, limits, warmup, samples);
    }

    /** YAML {@code valid_range: {min, max}}. */
    public record ValidRange(double min, double max) {
        public ValidRange {
            if (!(min <= max)) {
                throw new IllegalArgumentException("valid range min must not exceed max");
            }
        }
    }

    /** YAML {@code fog: {humidity_channel, above}}: relative humidity (%) above which optical PM reads high. */
    public record Fog(String humidityChannel, double above) {
        public Fog {
            Objects.requireNonNull(humidityChannel, "humidityChannel");
        }
    }

    /**
     * YAML {@code spike: {window, threshold, min_scale}}: Hampel filter over the last {@code window} values;
     * a value further than {@code threshold} × max(1.4826 × MAD, minScale) from the window median is a spike.
     * {@code minScale} (channel unit) keeps integer-valued sensors (PMS5003) from rejecting a one-count step
     * on a flat signal, where the MAD is zero.
     */
    public record Spike(int window, double threshold, double minScale) {
        public Spike {
            if (window < 3 || threshold <= 0 || minScale < 0) {
                throw new IllegalArgumentException("spike filter needs window >= 3, threshold > 0, minScale >= 0");
            }
        }

        public static Spike of(int window, double threshold) {
            return new Spike(window, threshold, 0.0);
        }
    }

    /**
     * YAML {@code limits[]: {id, above, clear_below, min_duration, severity}}: raised once values stayed above
     * {@code above} for {@code minDuration}, cleared when a value falls below {@code clearBelow}.
     */
    public record Limit(String id, double above, double clearBelow, Duration minDuration, String severity) {
        public Limit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(minDuration, "minDuration");
            Objects.requireNonNull(severity, "severity");
            if (!(clearBelow <= above)) {
                throw new IllegalArgumentException(id + ": clear_below must not exceed above");
            }
        }
    }
}
