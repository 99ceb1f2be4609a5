package dev.lantian.simulator.plant;

import dev.lantian.simulator.device.WeatherState;
import dev.lantian.simulator.plant.Plant.TreatmentMode;
import dev.lantian.simulator.plant.Scenario.Incident;
import dev.lantian.simulator.plant.Scenario.IncidentType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * The plant's rules at one instant: which lines run (shift, alert), what each treatment unit does
 * (follows its lines with lead and lag unless an incident stops or idles it), and the concentration
 * each sensor tends to.
 */
final class Physics {
    private final Scenario scenario;
    private final Instant now;
    private final LocalDateTime local;

    Physics(Scenario scenario, Instant now) {
        this.scenario = scenario;
        this.now = now;
        this.local = LocalDateTime.ofInstant(now, scenario.zone());
    }

    boolean lineRunning(Scenario.Line l) {
        boolean inShift = l.shifts().stream().anyMatch(s -> s.covers(local.toLocalTime()));
        boolean stoppedForAlert = scenario.incidents().stream().anyMatch(i -> i.type() == IncidentType.ALERT
                && i.activeAt(now) && !i.keepsRunning().contains(l.id()));
        return inShift && !stoppedForAlert;
    }

    TreatmentMode treatmentMode(Scenario.Treatment t) {
        for (Incident i : scenario.incidents()) {
            if (i.activeAt(now) && i.target().equals(t.id())) {
                if (i.type() == IncidentType.TREATMENT_STOPPED) {
                    return TreatmentMode.OFF;
                }
                if (i.type() == IncidentType.TREATMENT_IDLE) {
                    return TreatmentMode.IDLE;
                }
            }
        }
        LocalTime lt = local.toLocalTime();
        boolean wanted = scenario.lines().stream().filter(l -> t.serves().contains(l.id()))
                .flatMap(l -> l.shifts().stream())
                .anyMatch(s -> new Scenario.Shift(s.from().minus(t.lead()), s.to().plus(t.lag())).covers(lt));
        return wanted ? TreatmentMode.RUNNING : TreatmentMode.OFF;
    }

    /**
     * Where a sensor's values head: its baseline plus, for each treatment unit it sees, what the
     * running served lines emit through it (all of it when the unit is off, half when idling, the
     * leak share when it runs).
     */
    double[] target(Scenario.Sensor s, double[] baseline, Map<String, TreatmentMode> modes, Map<String, Double> power) {
        boolean voc = s.kind().voc();
        double added = 0;
        for (Scenario.Treatment t : scenario.treatment()) {
            boolean matches = s.treatment().contains(t.id()) && (t.kind() == Scenario.TreatmentKind.VOC_UNIT) == voc;
            if (!matches) {
                continue;
            }
            long running = t.serves().stream().filter(l -> power.getOrDefault(l, 0.0) > 0).count();
            double pass = switch (modes.getOrDefault(t.id(), TreatmentMode.OFF)) {
                case OFF -> 1.0;
                case IDLE -> 0.5;
                case RUNNING -> scenario.physics().leak();
            };
            added += running * pass * (voc ? scenario.physics().vocPerLine() : scenario.physics().dustPerLine());
        }
        double[] out = baseline.clone();
        if (voc) {
            out[0] += added * 1.3;
            out[1] += added;
        } else {
            out[0] += added * 0.15;
            out[1] += added * 0.3;
            out[2] += added;
            out[3] += added * 1.8;
        }
        return out;
    }
    /**
     * The air at a climate sensor: the site weather's means (or the sensor's own baseline, e.g. a
     * sensor indoors) with a cosine day swing, warmest (and driest) at {@code warmest}; pressure
     * with the atmosphere's twice-daily tide of about 1 hPa, highest near 10:00 and 22:00.
     */
    WeatherState weather(Scenario.Sensor s) {
        Scenario.Weather w = scenario.weather();
        double hour = local.toLocalTime().toSecondOfDay() / 3600.0;
        double day = Math.cos(2 * Math.PI * (hour - w.warmest().toSecondOfDay() / 3600.0) / 24);
        double tide = Math.cos(4 * Math.PI * (hour - 10) / 24);
        double humidity = s.baseline("humidity", w.humidity()) - w.humiditySwing() / 2 * day;
        return new WeatherState(s.baseline("temperature", w.temperature()) + w.temperatureSwing() / 2 * day,
                Math.max(0, Math.min(100, humidity)), s.baseline("pressure", w.pressure()) + 0.5 * tide);
    }
}
