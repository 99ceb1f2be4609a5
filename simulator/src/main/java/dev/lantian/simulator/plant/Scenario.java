package dev.lantian.simulator.plant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked scenario: a virtual plant, its meters and sensors, and the incidents scripted on it.
 * Built by {@link ScenarioLoader}; every reference in it resolves.
 */
public record Scenario(String name, String description, Instant start, ZoneId zone, Duration duration, long seed,
                       List<Line> lines, List<Treatment> treatment, List<Meter> meters, List<Sensor> sensors,
                       Physics physics, Weather weather, List<Incident> incidents) {

    public Instant end() {
        return start.plus(duration);
    }

    /** Every violation the script expects the agent to flag, in incident order. */
    public List<Expectation> expectations() {
        return incidents.stream().flatMap(i -> i.expected().stream()).toList();
    }

    /** A shift, possibly over midnight ("22:00-06:00"). */
    public record Shift(LocalTime from, LocalTime to) {
        public boolean covers(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    public record Line(String id, double ratedKw, double load, List<Shift> shifts) {
    }

    /** Kinds of treatment unit. */
    public enum TreatmentKind { BAG_FILTER, VOC_UNIT }

    public record Treatment(String id, TreatmentKind kind, List<String> serves, double ratedKw, double load,
                            double idleKw, Duration lead, Duration lag) {
    }

    /** Wire protocols a virtual device speaks. */
    public enum Protocol { MODBUS_RTU, MODBUS_TCP, DLT645, PMS5003, SDS011 }

    public record Meter(String id, List<String> equipment, Protocol protocol, String line, String registerMap,
                        int unit, String address, int phases) {
    }

    /** Kinds of sensor. */
    public enum SensorKind {
        PMS5003, SDS011, DUST_MONITOR, VOC_ANALYSER, SPS30, SGP40, BME280;

        /** Whether the sensor measures VOC (else particulates, or the weather). */
        public boolean voc() {
            return this == VOC_ANALYSER || this == SGP40;
        }

        /** Whether the sensor measures the weather (temperature, humidity, pressure) rather than pollution. */
        public boolean weather() {
            return this == BME280;
        }

        /** Whether the sensor is a chip on an I2C bus of the board. */
        public boolean i2c() {
            return this == SPS30 || this == SGP40 || this == BME280;
        }
    }

    /**
     * @param bus     I2C bus number (I2C sensors; 1 on a Raspberry Pi's header)
     * @param address I2C address (I2C sensors: the chip's, e.g. 0x76 or 0x77 for a BME280), else 0
     */
    public record Sensor(String id, SensorKind kind, String line, int unit, String registerMap, int bus, int address,
                         List<String> treatment, Map<String, Double> baseline) {
        public double baseline(String field, double otherwise) {
            return baseline.getOrDefault(field, otherwise);
        }
    }

    public record Physics(double dustPerLine, double vocPerLine, double leak, Duration timeConstant,
                          double meterNoise, double sensorNoise, double voltage, double powerFactor) {
    }

    /**
     * The weather at the site: daily means with a swing (peak to trough) over the day, warmest at
     * {@code warmest} local time; humidity is lowest then. Pressure carries the atmosphere's twice-daily tide.
     */
    public record Weather(double temperature, double temperatureSwing, double humidity, double humiditySwing,
                          double pressure, LocalTime warmest) {
    }

    /** Kinds of scripted incident, with their YAML names. */
    public enum IncidentType {
        TREATMENT_STOPPED, TREATMENT_IDLE, ALERT, CLAMP_REMOVED, BROKER_DOWN, SENSOR_GARBAGE, CLOCK_STEP;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A scripted incident active over {@code [from, to)} ({@code to == from} for a clock step).
     *
     * @param target       equipment (treatment-*), device (clamp-removed, sensor-garbage) or empty
     * @param level        alert level (alert)
     * @param keepsRunning lines that keep running through the alert
     * @param offset       the clock step (clock-step)
     */
    public record Incident(IncidentType type, String target, Instant from, Instant to, Optional<String> level,
                           List<String> keepsRunning, Duration offset, List<Expectation> expected) {
        public boolean activeAt(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** A violation the agent should flag, for the demo's "flagged vs scripted" comparison. */
    public record Expectation(String rule, String equipment, Optional<String> production, Instant start,
                              Optional<Instant> end) {
        /**
         * Whether a flagged event answers this expectation: same rule and equipment, same production
         * line when one is expected, started within {@code slack} of the scripted start.
         */
        public boolean matches(String flaggedRule, String flaggedEquipment, Optional<String> flaggedProduction,
                               Instant flaggedStart, Duration slack) {
            return rule.equals(flaggedRule) && equipment.equals(flaggedEquipment)
                    && (production.isEmpty() || production.equals(flaggedProduction))
                    && Duration.between(start, flaggedStart).abs().compareTo(slack) <= 0;
        }
    }
}
