package dev.lantian.agent.config;

import static dev.lantian.agent.config.BusType.GPIO;
import static dev.lantian.agent.config.BusType.I2C;
import static dev.lantian.agent.config.BusType.MODBUS_TCP;
import static dev.lantian.agent.config.BusType.RTU_OVER_TCP;
import static dev.lantian.agent.config.BusType.SERIAL;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The kinds of device a driver exists for, and the buses each can sit on. */
public enum DeviceType {
    MODBUS("modbus", "any Modbus RTU/TCP slave read through a register map (meters, dust monitors, VOC analysers)",
            Set.of(SERIAL, MODBUS_TCP, RTU_OVER_TCP)),
    DLT645("dlt645", "a DL/T 645-2007 utility electricity meter", Set.of(SERIAL, RTU_OVER_TCP)),
    PMS5003("pms5003", "Plantower PMS5003 particulate sensor (UART)", Set.of(SERIAL)),
    PMS7003("pms7003", "Plantower PMS7003 particulate sensor (UART)", Set.of(SERIAL)),
    SDS011("sds011", "Nova SDS011 particulate sensor (UART)", Set.of(SERIAL)),
    SPS30("sps30", "Sensirion SPS30 particulate sensor (I2C)", Set.of(I2C)),
    SGP40("sgp40", "Sensirion SGP40 VOC sensor (I2C), gives a VOC index", Set.of(I2C)),
    BME280("bme280", "Bosch BME280 temperature/humidity/pressure sensor (I2C)", Set.of(I2C)),
    ADS1115("ads1115", "TI ADS1115 ADC reading a current clamp (I2C), gives RMS current", Set.of(I2C)),
    DRY_CONTACT("dry-contact", "an equipment run relay wired to a GPIO input", Set.of(GPIO));

    private final String yamlName;
    private final String description;
    private final Set<BusType> buses;

    DeviceType(String yamlName, String description, Set<BusType> buses) {
        this.yamlName = yamlName;
        this.description = description;
        this.buses = buses;
    }

    /** The word used for {@code type:} in the configuration. */
    public String yamlName() {
        return yamlName;
    }

    public String description() {
        return description;
    }

    /** The bus types this device can be reached over. */
    public Set<BusType> buses() {
        return buses;
    }

    public static DeviceType fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown device type " + name));
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(DeviceType::yamlName).toList();
    }
}
