package dev.lantian.simulator.plant;

import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.simulator.plant.Scenario.Expectation;
import dev.lantian.simulator.plant.Scenario.Incident;
import dev.lantian.simulator.plant.Scenario.IncidentType;
import dev.lantian.simulator.plant.ScenarioFile.ExpectSpec;
import dev.lantian.simulator.plant.ScenarioFile.IncidentSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a bound {@link ScenarioFile} and turns it into a {@link Scenario}: text times and durations
 * parsed, defaults filled in, every reference resolved. Collects all problems before failing.
 * Incident times are "HH:mm[:ss]" on the start day, "+Nd HH:mm" on a later day, or ISO local date-times.
 */
final class ScenarioResolver extends ScenarioChecks {
    ScenarioResolver(String file, YamlLines lines) {
        super(file, lines);
    }

    Scenario resolve(ScenarioFile f) throws ScenarioException {
        String name = required(f.name(), "/name");
        if (f.zone() != null) {
            try {
                zone = ZoneId.of(f.zone());
            } catch (DateTimeException e) {
                fail("/zone", "not a time zone: " + f.zone());
            }
        }
        Instant start = Instant.EPOCH;
        if (required(f.start(), "/start") != null) {
            try {
                LocalDateTime t = f.start().contains("T") ? LocalDateTime.parse(f.start()) : LocalDate.parse(f.start()).atStartOfDay();
                day = t.toLocalDate();
                start = t.atZone(zone).toInstant();
            } catch (DateTimeException e) {
                fail("/start", "expected a local date-time like 2026-10-20T00:00, not '" + f.start() + "'");
            }
        }
        Duration duration = duration(f.duration(), "/duration", Duration.ofDays(1));
        List<Scenario.Line> lineList = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        each(f.lines(), "/lines", true, (l, p) -> {
            unique(ids, required(l.id(), p + "/id"), p + "/id");
            List<Scenario.Shift> shifts = new ArrayList<>();
            each(l.shifts(), p + "/shifts", true, (s, sp) -> shift(s, sp).ifPresent(shifts::add));
            lineList.add(new Scenario.Line(l.id(), positive(l.ratedKw(), p + "/rated_kw", null),
                    share(l.load(), p + "/load", 0.8), shifts));
        });
        Set<String> lineIds = new HashSet<>(lineList.stream().map(Scenario.Line::id).toList());
        List<Scenario.Treatment> treatments = new ArrayList<>();
        each(f.treatment(), "/treatment", false, (t, p) -> {
            unique(ids, required(t.id(), p + "/id"), p + "/id");
            Scenario.TreatmentKind kind = choice(t.kind(), p + "/kind", Scenario.TreatmentKind.class);
            each(t.serves(), p + "/serves", true, (s, sp) -> ref(s, lineIds, sp, "production line"));
            double rated = positive(t.ratedKw(), p + "/rated_kw", null);
            treatments.add(new Scenario.Treatment(t.id(), kind, t.serves() == null ? List.of() : t.serves(), rated,
                    share(t.load(), p + "/load", 0.8), t.idleKw() == null ? 0.15 * rated : positive(t.idleKw(), p + "/idle_kw", null),
                    duration(t.lead(), p + "/lead", Duration.ofMinutes(5)), duration(t.lag(), p + "/lag", Duration.ofMinutes(10))));
        });
        Set<String> equipment = new HashSet<>(ids);
        Set<String> treatmentIds = new HashSet<>(treatments.stream().map(Scenario.Treatment::id).toList());
        Set<String> deviceIds = new HashSet<>();
        List<Scenario.Meter> meters = new ArrayList<>();
        each(f.meters(), "/meters", false, (m, p) -> {
            unique(deviceIds, required(m.id(), p + "/id"), p + "/id");
            each(m.equipment(), p + "/equipment", true, (e, ep) -> ref(e, equipment, ep, "equipment"));
            Scenario.Protocol protocol = choice(m.protocol(), p + "/protocol", Scenario.Protocol.class);
            String map = m.registerMap();
            String address = null;
            if (protocol == Scenario.Protocol.DLT645) {
                try {
                    address = Dlt645Address.parse(String.valueOf(required(m.address(), p + "/address"))).digits();
                } catch (IllegalArgumentException e) {
                    fail(p + "/address", e.getMessage());
                }
            } else if (protocol != null) {
                map = shippedMap(map == null ? "eastron-sdm630" : map, p + "/register_map");
            }
            if (protocol == Scenario.Protocol.MODBUS_RTU) {
                required(m.line(), p + "/line");
            }
            int phases = m.phases() != null ? m.phases() : "eastron-sdm120".equals(map) ? 1 : 3;
            if (phases != 1 && phases != 3) {
                fail(p + "/phases", "a meter has 1 or 3 phases, not " + phases);
            }
            meters.add(new Scenario.Meter(m.id(), m.equipment() == null ? List.of() : m.equipment(), protocol, m.line(), map,
                    unit(m.unit(), p + "/unit"), address, phases));
        });
        List<Scenario.Sensor> sensors = new ArrayList<>();
        Set<Integer> i2cPlaces = new HashSet<>();
        each(f.sensors(), "/sensors", false, (s, p) -> {
            unique(deviceIds, required(s.id(), p + "/id"), p + "/id");
            Scenario.SensorKind kind = choice(s.kind(), p + "/kind", Scenario.SensorKind.class);
            each(s.treatment(), p + "/treatment", false, (t, tp) -> ref(t, treatmentIds, tp, "treatment unit"));
            String map = null;
            if (kind == Scenario.SensorKind.DUST_MONITOR || kind == Scenario.SensorKind.VOC_ANALYSER) {
                required(s.line(), p + "/line");
                map = shippedMap(s.registerMap() != null ? s.registerMap()
                        : kind == Scenario.SensorKind.DUST_MONITOR ? "generic-dust-monitor" : "generic-pid-voc", p + "/register_map");
            }
            int bus = 0;
            int address = 0;
            if (kind != null && kind.i2c()) {
                bus = i2cBus(s.bus(), p + "/bus");
                address = i2cAddress(kind, s.address(), p + "/address");
                if (!i2cPlaces.add(bus * 256 + address)) {
                    fail(p + "/address", String.format("another sensor already sits on I2C bus %d at 0x%02X", bus, address));
                }
            } else if (s.bus() != null || s.address() != null) {
                fail(p + (s.bus() != null ? "/bus" : "/address"), "only I2C sensors (sps30, sgp40, bme280) sit on an I2C bus");
            }
            sensors.add(new Scenario.Sensor(s.id(), kind, s.line(), unit(s.unit(), p + "/unit"), map, bus, address,
                    s.treatment() == null ? List.of() : s.treatment(), s.baseline() == null ? java.util.Map.of() : s.baseline()));
        });
        ScenarioFile.PhysicsSpec ph = f.physics() == null
                ? new ScenarioFile.PhysicsSpec(null, null, null, null, null, null, null, null) : f.physics();
        Scenario.Physics physics = new Scenario.Physics(or(ph.dustPerLine(), 150), or(ph.vocPerLine(), 40),
                share(ph.leak(), "/physics/leak", 0.05), duration(ph.timeConstant(), "/physics/time_constant", Duration.ofMinutes(3)),
                or(ph.meterNoise(), 0.01), or(ph.sensorNoise(), 0.03), or(ph.voltage(), 230), share(ph.powerFactor(), "/physics/power_factor", 0.9));
        Scenario.Weather weather = weather(f.weather());
        List<Incident> incidents = new ArrayList<>();
        Set<String> devices = new HashSet<>(deviceIds);
        each(f.incidents(), "/incidents", false, (i, p) -> incident(i, p, treatmentIds, lineIds, devices,
                meters.stream().map(Scenario.Meter::id).toList()).ifPresent(incidents::add));
        if (!problems.isEmpty()) {
            throw new ScenarioException(file, problems);
        }
        return new Scenario(name, f.description() == null ? "" : f.description(), start, zone, duration,
                f.seed() == null ? 1L : f.seed(), lineList, treatments, meters, sensors, physics, weather, incidents);
    }

    private Optional<Incident> incident(IncidentSpec i, String p, Set<String> treatments, Set<String> lineIds,
                                        Set<String> devices, List<String> meters) {
        IncidentType type = choice(i.type(), p + "/type", IncidentType.class);
        if (type == null) {
            return Optional.empty();
        }
        Instant from = time(required(i.from(), p + "/from"), p + "/from");
        Instant to = type == IncidentType.CLOCK_STEP ? from : time(required(i.to(), p + "/to"), p + "/to");
        if (from != null && to != null && to.isBefore(from)) {
            fail(p + "/to", "ends before it starts (" + i.from() + ")");
        }
        String target = "";
        switch (type) {
            case TREATMENT_STOPPED, TREATMENT_IDLE -> target = ref(required(i.equipment(), p + "/equipment"), treatments,
                    p + "/equipment", "treatment unit");
            case CLAMP_REMOVED -> target = ref(required(i.device(), p + "/device"), new HashSet<>(meters), p + "/device", "meter");
            case SENSOR_GARBAGE -> target = ref(required(i.device(), p + "/device"), devices, p + "/device", "device");
            case ALERT -> {
                String level = required(i.level(), p + "/level");
                if (level != null && !List.of("yellow", "orange", "red").contains(level)) {
                    fail(p + "/level", "alert level is yellow, orange or red, not '" + level + "'");
                }
                each(i.keepsRunning(), p + "/keeps_running", false, (l, lp) -> ref(l, lineIds, lp, "production line"));
            }
            default -> { }
        }
        Duration offset = Duration.ZERO;
        if (type == IncidentType.CLOCK_STEP) {
            String text = required(i.offset(), p + "/offset");
            if (text != null) {
                boolean negative = text.strip().startsWith("-");
                offset = duration(text.strip().replaceFirst("^[+-]", ""), p + "/offset", Duration.ZERO);
                offset = negative ? offset.negated() : offset;
            }
        }
        List<Expectation> expected = new ArrayList<>();
        each(i.expect(), p + "/expect", false, (e, ep) -> expectation(e, ep).ifPresent(expected::add));
        if (from == null || to == null) {
            return Optional.empty();
        }
        return Optional.of(new Incident(type, target == null ? "" : target, from, to, Optional.ofNullable(i.level()),
                i.keepsRunning() == null ? List.of() : i.keepsRunning(), offset, expected));
    }

    private Optional<Expectation> expectation(ExpectSpec e, String p) {
        String rule = required(e.rule(), p + "/rule");
        String eq = required(e.equipment(), p + "/equipment");
        Instant start = time(required(e.start(), p + "/start"), p + "/start");
        Instant end = e.end() == null ? null : time(e.end(), p + "/end");
        if (rule == null || eq == null || start == null) {
            return Optional.empty();
        }
        return Optional.of(new Expectation(rule, eq, Optional.ofNullable(e.production()), start, Optional.ofNullable(end)));
    }

    private int i2cBus(Integer bus, String p) {
        if (bus == null) {
            return 1;
        }
        if (bus < 0 || bus > 255) {
            fail(p, "an I2C bus number is 0-255 (/dev/i2c-N), not " + bus);
        }
        return bus;
    }

    /** The chip's address: given in hex (0x77) or decimal, or the chip's own; an SPS30 or SGP40 has only one. */
    private int i2cAddress(Scenario.SensorKind kind, String text, String p) {
        int fixed = switch (kind) {
            case SPS30 -> 0x69;
            case SGP40 -> 0x59;
            default -> 0x76;
        };
        if (text == null) {
            return fixed;
        }
        int address;
        try {
            address = Integer.decode(text.strip());
        } catch (NumberFormatException e) {
            fail(p, "an I2C address is written 0x76 or 118, not '" + text + "'");
            return fixed;
        }
        if (kind == Scenario.SensorKind.BME280 && address != 0x76 && address != 0x77) {
            fail(p, String.format("a BME280 answers at 0x76 or 0x77 (its SDO pin), not 0x%02X", address));
        } else if (kind != Scenario.SensorKind.BME280 && address != fixed) {
            fail(p, String.format("an %s always answers at 0x%02X, not 0x%02X", kind.name(), fixed, address));
        }
        return address;
    }

    private Scenario.Weather weather(ScenarioFile.WeatherSpec w) {
        ScenarioFile.WeatherSpec spec = w != null ? w : new ScenarioFile.WeatherSpec(null, null, null, null, null, null);
        LocalTime warmest = LocalTime.of(15, 0);
        if (spec.warmest() != null) {
            try {
                warmest = LocalTime.parse(spec.warmest().strip());
            } catch (DateTimeException e) {
                fail("/weather/warmest", "expected a time of day like 15:00, not '" + spec.warmest() + "'");
            }
        }
        return new Scenario.Weather(between(spec.temperature(), "/weather/temperature", 15, -40, 85),
                between(spec.temperatureSwing(), "/weather/temperature_swing", 8, 0, 40),
                between(spec.humidity(), "/weather/humidity", 60, 0, 100),
                between(spec.humiditySwing(), "/weather/humidity_swing", 20, 0, 100),
                between(spec.pressure(), "/weather/pressure", 1013.25, 300, 1100), warmest);
    }

    private double between(Double v, String p, double otherwise, double low, double high) {
        double x = v == null ? otherwise : v;
        if (!(x >= low && x <= high)) {
            fail(p, "must be between " + low + " and " + high + ", not " + x);
        }
        return x;
    }
}
