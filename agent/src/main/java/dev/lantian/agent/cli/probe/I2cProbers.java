package dev.lantian.agent.cli.probe;

import java.util.Map;

/** Probers for the I2C sensors (SPS30, SGP40, BME280, ADS1115) through Pi4J. */
final class I2cProbers {
    private I2cProbers() {
    }

    static Map<String, Prober> all() {
        return Map.of();
    }
}
