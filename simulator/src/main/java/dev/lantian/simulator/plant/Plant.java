package dev.lantian.simulator.plant;

import dev.lantian.simulator.device.DustState;
import dev.lantian.simulator.device.MeterState;
import dev.lantian.simulator.device.WeatherState;
import dev.lantian.simulator.plant.Scenario.Incident;
import dev.lantian.simulator.plant.Scenario.IncidentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The virtual plant: lines run their shifts, treatment units follow the lines they serve, incidents
 * override both, and concentrations at each sensor relax towards what the running equipment makes
 * (dust when a bag filter is off while its lines run, VOC when the VOC unit is off). Moves only on
 * {@link #advanceTo}, in whole steps (one second unless given) from the scenario start, and draws
 * its meter and sensor noise from the scenario seed, so the same scenario gives the same day however
 * it is advanced. Thread-safe.
 */
public final class Plant {
    /** The plant's resolution when none is given: one second, the fastest any device reports. */
    public static final Duration STEP = Duration.ofSeconds(1);

    private final Scenario scenario;
    private final Duration step;
    private final Random random;
    private final Map<String, Double> power = new HashMap<>();
    private final Map<String, TreatmentMode> modes = new HashMap<>();
    private final Map<String, Double> energy = new HashMap<>();
    private final Map<String, MeterState> meters = new LinkedHashMap<>();
    private final Map<String, double[]> concentration = new HashMap<>();
    private final Map<String, double[]> reported = new HashMap<>();
    private Instant now;

    /** What a treatment unit is doing. */
    public enum TreatmentMode { OFF, IDLE, RUNNING }

    public Plant(Scenario scenario) {
        this(scenario, STEP);
    }

    /** A plant moving in steps of {@code step} (coarser steps for whole-day checks that sample slower). */
    public Plant(Scenario scenario, Duration step) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the plant step must be positive, not " + step);
        }
        this.step = step;
        this.random = new Random(scenario.seed());
        this.now = scenario.start();
        for (Scenario.Sensor s : pollutionSensors()) {
            double[] base = baseline(s);
            concentration.put(s.id(), base.clone());
            reported.put(s.id(), base.clone());
        }
        scenario.meters().forEach(m -> energy.put(m.id(), 1000.0 + Math.abs(m.id().hashCode() % 5000)));
        step(Duration.ZERO);
    }

    public Scenario scenario() {
        return scenario;
    }

    public synchronized Instant now() {
        return now;
    }

    /** Runs the plant up to {@code t} in whole steps; a time at or before now changes nothing. */
    public synchronized void advanceTo(Instant t) {
        while (!now.plus(step).isAfter(t)) {
            now = now.plus(step);
            step(step);
        }
    }

    private void step(Duration dt) {
        Physics physics = new Physics(scenario, now);
        for (Scenario.Line l : scenario.lines()) {
            power.put(l.id(), physics.lineRunning(l) ? l.ratedKw() * l.load() : 0.0);
        }
        for (Scenario.Treatment t : scenario.treatment()) {
            TreatmentMode mode = physics.treatmentMode(t);
            modes.put(t.id(), mode);
            power.put(t.id(), switch (mode) {
                case OFF -> 0.0;
                case IDLE -> t.idleKw();
                case RUNNING -> t.ratedKw() * t.load();
            });
        }
        double hours = dt.toMillis() / 3_600_000.0;
        Scenario.Physics ph = scenario.physics();
        for (Scenario.Meter m : scenario.meters()) {
            double kw = m.equipment().stream().mapToDouble(e -> power.getOrDefault(e, 0.0)).sum();
            double kwh = energy.merge(m.id(), kw * hours, Double::sum);
            meters.put(m.id(), meterState(m, kw, kwh, ph));
        }
        double relax = 1 - Math.exp(-dt.toMillis() / (double) Math.max(1, ph.timeConstant().toMillis()));
        for (Scenario.Sensor s : pollutionSensors()) {
            double[] target = physics.target(s, baseline(s), modes, power);
            double[] c = concentration.get(s.id());
            double[] out = reported.get(s.id());
            for (int i = 0; i < c.length; i++) {
                c[i] += (target[i] - c[i]) * relax;
                out[i] = Math.max(0, c[i] * (1 + ph.sensorNoise() * random.nextGaussian()));
            }
        }
    }

    private MeterState meterState(Scenario.Meter m, double kw, double kwh, Scenario.Physics ph) {
        double noisyKw = kw <= 0 ? 0 : kw * (1 + ph.meterNoise() * random.nextGaussian());
        MeterState.Phase[] phases = new MeterState.Phase[3];
        for (int i = 0; i < 3; i++) {
            double v = ph.voltage() * (1 + ph.meterNoise() * 0.2 * random.nextGaussian());
            boolean used = i < m.phases();
            double p = used ? noisyKw / m.phases() : 0;
            phases[i] = new MeterState.Phase(used ? v : 0, p * 1000 / (v * ph.powerFactor()), p);
        }
        return new MeterState(phases[0], phases[1], phases[2], 50 + 0.02 * random.nextGaussian(), kwh);
    }

    /** Dust and VOC sensors; climate sensors read the weather, which has no noise draws of its own. */
    private List<Scenario.Sensor> pollutionSensors() {
        return scenario.sensors().stream().filter(s -> !s.kind().weather()).toList();
    }

    private static double[] baseline(Scenario.Sensor s) {
        if (s.kind().voc()) {
            return new double[] {s.baseline("tvoc", 3), s.baseline("nmhc", 2)};
        }
        double pm10 = s.baseline("pm10", 40);
        double pm25 = s.baseline("pm2_5", pm10 * 0.6);
        return new double[] {s.baseline("pm1_0", pm25 * 0.7), pm25, pm10, s.baseline("tsp", pm10 * 1.5)};
    }

    /** The meter's reading now (noise included, no faults: a device applies its own). */
    public synchronized MeterState meter(String id) {
        MeterState s = meters.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no meter " + id);
        }
        return s;
    }

    /** Particulates at a dust sensor now. */
    public synchronized DustState dust(String id) {
        double[] c = sensorValues(id);
        return new DustState(c[0], c[1], c[2], c[3]);
    }

    /** A VOC analyser's fields ({@code tvoc}, {@code nmhc}, mg/m3). */
    public synchronized Map<String, Double> voc(String id) {
        double[] c = sensorValues(id);
        return Map.of("tvoc", c[0], "nmhc", c[1]);
    }

    /** The air at a climate sensor (BME280) now. */
    public synchronized WeatherState weather(String id) {
        Scenario.Sensor s = scenario.sensors().stream().filter(x -> x.id().equals(id) && x.kind().weather()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no climate sensor " + id));
        return new Physics(scenario, now).weather(s);
    }

    private double[] sensorValues(String id) {
        double[] c = reported.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no sensor " + id);
        }
        return c.clone();
    }

    /** True power of a line or treatment unit, kW, before meter noise. */
    public synchronized double power(String equipment) {
        return power.getOrDefault(equipment, 0.0);
    }

    public synchronized TreatmentMode treatmentMode(String id) {
        return modes.getOrDefault(id, TreatmentMode.OFF);
    }

    public synchronized List<Incident> activeIncidents() {
        return scenario.incidents().stream().filter(i -> i.activeAt(now)).toList();
    }

    /** Whether a scripted broker outage covers now (the demo takes its broker down then). */
    public synchronized boolean brokerDown() {
        return active(IncidentType.BROKER_DOWN, "");
    }

    /** The alert level in force now, if any. */
    public synchronized java.util.Optional<String> alertLevel() {
        return activeIncidents().stream().filter(i -> i.type() == IncidentType.ALERT).findFirst().flatMap(Incident::level);
    }

    public synchronized boolean clampRemoved(String meterId) {
        return active(IncidentType.CLAMP_REMOVED, meterId);
    }

    public synchronized boolean garbage(String deviceId) {
        return active(IncidentType.SENSOR_GARBAGE, deviceId);
    }

    /** The sum of the scripted clock steps that have happened by now (the board's clock error). */
    public synchronized Duration clockOffset() {
        return scenario.incidents().stream().filter(i -> i.type() == IncidentType.CLOCK_STEP && !i.from().isAfter(now))
                .map(Incident::offset).reduce(Duration.ZERO, Duration::plus);
    }

    private boolean active(IncidentType type, String target) {
        return scenario.incidents().stream().anyMatch(i -> i.type() == type && i.target().equals(target) && i.activeAt(now));
    }
}
