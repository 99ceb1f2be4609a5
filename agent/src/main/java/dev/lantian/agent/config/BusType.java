package dev.lantian.agent.config;

import java.util.Arrays;
import java.util.List;

/** How the board reaches its devices. */
public enum BusType {
    SERIAL("serial", "a UART or USB–RS-485 adapter (RS-232/RS-485/TTL)"),
    MODBUS_TCP("modbus-tcp", "Modbus TCP over Ethernet"),
    RTU_OVER_TCP("rtu-over-tcp", "an RS-485-to-Ethernet converter carrying raw serial frames over TCP"),
    I2C("i2c", "an I2C bus of the board, /dev/i2c-N"),
    GPIO("gpio", "the board's digital inputs, one gpiochip");

    private final String yamlName;
    private final String description;

    BusType(String yamlName, String description) {
        this.yamlName = yamlName;
        this.description = description;
    }

    /** The word used for {@code type:} in the configuration. */
    public String yamlName() {
        return yamlName;
    }

    public String description() {
        return description;
    }

    public static BusType fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown bus type " + name));
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(BusType::yamlName).toList();
    }
}
