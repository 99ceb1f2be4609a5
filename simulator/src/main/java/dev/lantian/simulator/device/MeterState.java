package dev.lantian.simulator.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an electricity meter measures at one moment, whatever protocol it speaks: three phases
 * (a single-phase meter uses phase 1 only), the frequency and the import energy register.
 *
 * @param frequency Hz
 * @param importKwh the ever-growing import (forward active) energy, kWh
 */
public record MeterState(Phase l1, Phase l2, Phase l3, double frequency, double importKwh) {

    /** One phase: volts, amps and kW. */
    public record Phase(double voltage, double current, double powerKw) {
    }

    /** Total active power, kW. */
    public double totalKw() {
        return l1.powerKw() + l2.powerKw() + l3.powerKw();
    }

    /**
     * The meter's view with the phase-1 clamp (CT) taken off its cable: the voltage is still wired,
     * the current reads a few milliamps of noise, so phase 1 contributes no power.
     */
    public MeterState withoutClamp() {
        return new MeterState(new Phase(l1.voltage(), 0.01, 0.0), l2, l3, frequency, importKwh);
    }

    /**
     * Values under the field names of the shipped register maps (eastron-sdm630, eastron-sdm120) and
     * of the DL/T 645 identifiers (FIELDS.md), so one state serves every meter protocol.
     */
    public Map<String, Double> fields() {
        Map<String, Double> f = new LinkedHashMap<>();
        Phase[] p = {l1, l2, l3};
        String[] dl = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            f.put("phase" + (i + 1) + "_voltage", p[i].voltage());
            f.put("phase" + (i + 1) + "_current", p[i].current());
            f.put("phase" + (i + 1) + "_power", p[i].powerKw());
            f.put("voltage_" + dl[i], p[i].voltage());
            f.put("current_" + dl[i], p[i].current());
        }
        f.put("total_power", totalKw());
        f.put("active_power", totalKw());
        f.put("voltage", l1.voltage());
        f.put("current", l1.current());
        f.put("frequency", frequency);
        f.put("import_energy", importKwh);
        f.put("total_energy", importKwh);
        f.put("forward_energy", importKwh);
        return f;
    }
}
