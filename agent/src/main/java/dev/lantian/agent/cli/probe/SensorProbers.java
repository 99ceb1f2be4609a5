package dev.lantian.agent.cli.probe;

import dev.lantian.hardware.sensor.pms.PmsSensor;
import dev.lantian.hardware.sensor.pms.PmsSettings;
import dev.lantian.hardware.sensor.sds.SdsSensor;
import dev.lantian.hardware.sensor.sds.SdsSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Probers for the UART sensors (PMS5003/7003, SDS011). The probe runs them without warm-up: a
 * technician checking the wiring wants to see the first frame's values, flagged N.
 */
final class SensorProbers {
    private SensorProbers() {
    }

    static Map<String, Prober> all() {
        UartSensorProber.SensorFactory pms = (kind, link, timeout, clock) -> new PmsSensor(kind, link,
                PmsSettings.defaults().withWarmup(Duration.ZERO).withFrameTimeout(timeout), clock);
        UartSensorProber.SensorFactory sds = (kind, link, timeout, clock) -> new SdsSensor(kind, link,
                SdsSettings.defaults().withWarmup(Duration.ZERO).withFrameTimeout(timeout), clock);
        return Map.of(
                "pms5003", new UartSensorProber("pms5003", pms),
                "pms7003", new UartSensorProber("pms7003", pms),
                "sds011", new UartSensorProber("sds011", sds));
    }
}
