package dev.lantian.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code channels[]}: one measured quantity, taken from one field of one device. */
public record Channel(String id, String quantity, String unit, Source source, Duration samplingPeriod,
                      boolean cumulative, Optional<String> hj212Code, List<Duration> windows, List<Limit> limits,
                      Optional<ValidRange> validRange, Optional<Fog> fog, Optional<Spike> spike,
                      Calibration calibration) {

    public Channel {
        windows = List.copyOf(windows);
        limits = List.copyOf(limits);
    }

    public record Source(String device, String field) {
    }

    /** An alarm threshold; {@code clearBelow} equals {@code above} when not given. */
    public record Limit(String id, double above, double clearBelow, Duration minDuration, Severity severity) {
    }

    public enum Severity { WARNING, ALARM }

    public record ValidRange(double min, double max) {
    }

    /** Flag values taken while the humidity channel reads above {@code above} %RH. */
    public record Fog(String humidityChannel, double above) {
    }

    /** Median/MAD spike test over {@code window} samples. */
    public record Spike(int window, double threshold) {
    }

    /** value = (raw − zero) × span: {@code zero} is the raw reading at zero. */
    public record Calibration(double zero, double span) {
    }
}
