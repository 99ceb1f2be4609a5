package dev.lantian.hardware.reading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one device said at one moment (one frame, one poll), or why it said nothing.
 *
 * @param device   the configured device id
 * @param time     acquisition time from the injected clock, never the send time
 * @param readings the decoded values, each flagged; empty only when the device was silent
 * @param flag     the verdict for the whole set ({@code B} for silence, {@code D} for a reported fault)
 * @param detail   a short human reason when {@code flag} is not {@code N}; empty otherwise
 */
public record ReadingSet(String device, Instant time, List<Reading> readings, QualityFlag flag, String detail) {
    public ReadingSet {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
        readings = List.copyOf(readings);
        Objects.requireNonNull(flag, "flag");
        detail = detail == null ? "" : detail;
    }

    public static ReadingSet of(String device, Instant time, List<Reading> readings) {
        return new ReadingSet(device, time, readings, QualityFlag.N, "");
    }

    /** A device that did not answer: no values, a communication fault and the reason. */
    public static ReadingSet silent(String device, Instant time, String why) {
        return new ReadingSet(device, time, List.of(), QualityFlag.B, why);
    }

    public Optional<Reading> field(String name) {
        return readings.stream().filter(r -> r.field().equals(name)).findFirst();
    }
}
