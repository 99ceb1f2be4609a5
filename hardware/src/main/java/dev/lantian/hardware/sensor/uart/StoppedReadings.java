package dev.lantian.hardware.sensor.uart;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Instant;
import java.util.List;

/** The reading set of a sensor that is asleep: every field present, no value, flag {@code F}. */
public final class StoppedReadings {
    private StoppedReadings() {
    }

    public static ReadingSet of(String device, Instant time, List<String> fields, String why) {
        List<Reading> readings = fields.stream().map(f -> Reading.missing(f, QualityFlag.F)).toList();
        return new ReadingSet(device, time, readings, QualityFlag.F, why);
    }
}
