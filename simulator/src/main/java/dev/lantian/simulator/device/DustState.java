package dev.lantian.simulator.device;

import java.util.LinkedHashMap;
import java.util.Map;

/** Particulate concentrations at a sensor, ug/m3. */
public record DustState(double pm1, double pm2_5, double pm10, double tsp) {

    /** Under the field names of the generic-dust-monitor register map. */
    public Map<String, Double> fields() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("pm1_0", pm1);
        f.put("pm2_5", pm2_5);
        f.put("pm10", pm10);
        f.put("tsp", tsp);
        return f;
    }
}
