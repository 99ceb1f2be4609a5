package dev.lantian.simulator.plant;

import java.util.List;
import java.util.Map;

/**
 * The shape of a scenario YAML file, exactly as written (times and durations still text, so a typo
 * is reported by {@link ScenarioLoader} with its field and line rather than as a Jackson type error).
 * Keys are snake_case in the file.
 */
public record ScenarioFile(String name, String description, String start, String zone, String duration, Long seed,
                           List<LineSpec> lines, List<TreatmentSpec> treatment, List<MeterSpec> meters,
                           List<SensorSpec> sensors, PhysicsSpec physics, WeatherSpec weather,
                           List<IncidentSpec> incidents) {

    /** A production line: runs at {@code load} x rated power during its shifts ("06:00-14:00"). */
    public record LineSpec(String id, Double ratedKw, Double load, List<String> shifts) {
    }

    /**
     * A treatment unit (kind bag-filter or voc-unit) serving lines: runs at {@code load} x rated power
     * from {@code lead} before a served line starts until {@code lag} after the last one stops.
     */
    public record TreatmentSpec(String id, String kind, List<String> serves, Double ratedKw, Double load, Double idleKw,
                                String lead, String lag) {
    }

    /**
     * An electricity meter on one or more pieces of equipment (their power adds up). Protocol
     * modbus-rtu (meters with the same {@code line} share one RS-485 port), modbus-tcp or dlt645.
     */
    public record MeterSpec(String id, List<String> equipment, String protocol, String line, String registerMap,
                            Integer unit, String address, Integer phases) {
    }

    /**
     * A sensor: kind pms5003, sds011 (UART), dust-monitor or voc-analyser (Modbus RTU on {@code line}),
     * sps30, sgp40 or bme280 (I2C chips on {@code bus}, default 1, at {@code address}, default the
     * chip's: 0x69, 0x59, 0x76; reachable only by an agent in the same JVM).
     * {@code treatment} names the units whose outlet it sees; baseline gives the clean-air values
     * (for a bme280 the site weather's means: temperature, humidity, pressure).
     */
    public record SensorSpec(String id, String kind, String line, Integer unit, String registerMap, Integer bus,
                             String address, List<String> treatment, Map<String, Double> baseline) {
    }

    /**
     * The site's weather (BME280 chips read it): daily means of temperature (C), humidity (%RH) and
     * pressure (hPa), the day's temperature and humidity swings, and the warmest time of day ("15:00").
     */
    public record WeatherSpec(Double temperature, Double temperatureSwing, Double humidity, Double humiditySwing,
                              Double pressure, String warmest) {
    }

    /** How fast and how far concentrations move, and how noisy meters are. */
    public record PhysicsSpec(Double dustPerLine, Double vocPerLine, Double leak, String timeConstant,
                              Double meterNoise, Double sensorNoise, Double voltage, Double powerFactor) {
    }

    /** A scripted incident and what the agent is expected to flag for it. */
    public record IncidentSpec(String type, String equipment, String device, String from, String to, String level,
                               List<String> keepsRunning, String offset, List<ExpectSpec> expect) {
    }

    /** One violation the agent should raise: rule id, equipment, (production line), approximate times. */
    public record ExpectSpec(String rule, String equipment, String production, String start, String end) {
    }
}
