package dev.lantian.agent.config;

import static dev.lantian.agent.config.Key.defaulted;
import static dev.lantian.agent.config.Key.optional;
import static dev.lantian.agent.config.Key.required;

import dev.lantian.agent.config.ValueType.Choice;
import dev.lantian.agent.config.ValueType.Decimal;
import dev.lantian.agent.config.ValueType.Flag;
import dev.lantian.agent.config.ValueType.Span;
import dev.lantian.agent.config.ValueType.Text;
import dev.lantian.agent.config.ValueType.Variant;
import dev.lantian.agent.config.ValueType.Whole;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code buses} and {@code devices} sections. */
final class HardwareSchema {
    private HardwareSchema() {
    }

    static final Text ID = Text.matching("[a-z0-9][a-z0-9_.-]{0,63}",
            "an id: a-z, 0-9, '-', '_', '.'");

    private static final Whole TCP_PORT = Whole.range(1, 65535);
    private static final Whole I2C_ADDRESS = Whole.hexRange(0x03, 0x77);
    private static final String I2C_ADDRESS_TEXT = "I2C address of the chip, 0x03–0x77; write it in hex (0x76) or decimal (118).";

    static final Variant BUS = bus();
    static final Variant DEVICE = device();

    private static Variant bus() {
        Map<String, List<Key>> variants = new LinkedHashMap<>();
        variants.put("serial", List.of(
                required("port", Text.any(), "Serial device path, e.g. /dev/ttyUSB0 (USB–RS-485 adapter) or /dev/serial0"
                        + " (the board's UART). Prefer a stable /dev/serial/by-id/… path when several adapters are plugged in."),
                defaulted("baud", Whole.oneOf(300L, 600L, 1200L, 2400L, 4800L, 9600L, 19200L, 38400L, 57600L, 115200L,
                        230400L, 460800L, 921600L), "9600",
                        "Line speed in bit/s. Every device on the line must use the same. DL/T 645 meters usually run at 2400."),
                defaulted("data_bits", Whole.range(5, 8), "8", "Data bits per character."),
                defaulted("stop_bits", Whole.oneOf(1L, 2L), "1", "Stop bits per character."),
                defaulted("parity", Choice.of("none", "even", "odd"), "none",
                        "Parity. DL/T 645 meters use even (2400 8E1); most Modbus meters none.")));
        variants.put("modbus-tcp", List.of(
                required("host", Text.any(), "IP address or host name of the Modbus TCP device or gateway."),
                defaulted("port", TCP_PORT, "502", "TCP port.")));
        variants.put("rtu-over-tcp", List.of(
                required("host", Text.any(), "IP address or host name of the RS-485-to-Ethernet converter."),
                required("port", TCP_PORT, "TCP port the converter listens on for this RS-485 line (see its web page).")));
        variants.put("i2c", List.of(
                required("bus", Whole.range(0, 255), "I2C bus number N of /dev/i2c-N; 1 on a Raspberry Pi's header.")));
        variants.put("gpio", List.of(
                defaulted("chip", Text.any(), "gpiochip0",
                        "The gpiochip whose lines the dry contacts use; gpiochip0 on a Raspberry Pi 3/4, gpiochip4 on a Pi 5.")));
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (BusType t : BusType.values()) {
            descriptions.put(t.yamlName(), t.description());
        }
        List<Key> common = List.of(
                required("id", ID, "Name of this bus, used by `devices[].bus`. Unique among buses."),
                required("type", new Choice(BusType.yamlNames()), "How the board reaches the devices; selects the keys below."));
        return new Variant("type", common, variants, descriptions);
    }

    private static Variant device() {
        Map<String, List<Key>> variants = new LinkedHashMap<>();
        variants.put("modbus", List.of(
                required("unit", Whole.range(0, 255), "Modbus unit (slave) id, as set on the device. 1–247 on a serial line;"
                        + " Modbus TCP devices often use 1 or 255."),
                required("register_map", Text.any(), "Which registers to read: the name of a shipped map (eastron-sdm630,"
                        + " eastron-sdm120, acrel-adw300, generic-dust-monitor, generic-pid-voc) or the path of a"
                        + " register-map YAML file for other devices. The map defines the device's fields; a poll reads"
                        + " only the registers of the fields the site's channels use (the whole map when none does).")));
        variants.put("dlt645", List.of(
                required("address", Text.matching("\\d{12}", "12 decimal digits"),
                        "Meter address as printed on its nameplate, 12 digits. Quote it (\"000000123456\") so leading zeros stay.")));
        variants.put("pms5003", List.of());
        variants.put("pms7003", List.of());
        variants.put("sds011", List.of());
        variants.put("sps30", List.of(
                defaulted("address", I2C_ADDRESS, "0x69", I2C_ADDRESS_TEXT + " Used only when the SPS30 is on an I2C bus.")));
        variants.put("sgp40", List.of(defaulted("address", I2C_ADDRESS, "0x59", I2C_ADDRESS_TEXT)));
        variants.put("bme280", List.of(defaulted("address", I2C_ADDRESS, "0x76",
                I2C_ADDRESS_TEXT + " 0x76 or 0x77 depending on the SDO pin.")));
        variants.put("ads1115", List.of(
                defaulted("address", I2C_ADDRESS, "0x48", I2C_ADDRESS_TEXT + " 0x48–0x4B depending on the ADDR pin."),
                defaulted("input", Whole.range(0, 3), "0", "ADC input (A0–A3) the clamp is wired to."),
                required("ct_ratio", Decimal.positive(), "Clamp ratio. With `burden_ohms`: primary amps per secondary amp"
                        + " (e.g. 2000 for a 100 A : 50 mA clamp). Without: amps per volt of a voltage-output clamp"
                        + " (e.g. 30 for an SCT-013-030, 30 A : 1 V)."),
                optional("burden_ohms", Decimal.positive(), "Burden resistor across a current-output clamp, in ohms."
                        + " Leave out for clamps with a built-in burden (voltage output).")));
        variants.put("dry-contact", List.of(
                required("pin", Whole.range(0, 511), "GPIO line number on the chip (the BCM number on a Raspberry Pi, e.g. 17)."),
                defaulted("active_low", new Flag(), "false",
                        "true when the input reads low while the contact says the equipment runs (typical for opto-isolated inputs with pull-up)."),
                defaulted("debounce", Span.range(Duration.ZERO, Duration.ofSeconds(10)), "20ms",
                        "A change must hold this long before it counts; relays bounce for a few milliseconds.")));
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (DeviceType t : DeviceType.values()) {
            descriptions.put(t.yamlName(), t.description() + "; buses: "
                    + String.join(", ", t.buses().stream().map(BusType::yamlName).sorted().toList()));
        }
        List<Key> common = List.of(
                required("id", ID, "Name of this device, used by `channels[].source.device`. Unique among devices."),
                required("type", new Choice(DeviceType.yamlNames()), "What the device is; selects its driver and the keys below."),
                required("bus", ID, "The `buses[].id` the device is connected to; its type must suit the device."),
                defaulted("poll_period", Span.range(Duration.ofMillis(100), Duration.ofHours(1)), "1s",
                        "How often the device is read. Streaming sensors (PMS5003, SDS011) send on their own; this is"
                                + " then how often the latest frame is taken. The SGP40 VOC index needs exactly 1s."),
                defaulted("timeout", Span.range(Duration.ofMillis(50), Duration.ofSeconds(60)), "1s",
                        "How long to wait for an answer before the reading counts as lost (flag B)."),
                defaulted("retries", Whole.range(0, 10), "2", "Extra attempts after a lost or corrupt answer before giving up for this poll."),
                defaulted("warmup", Span.range(Duration.ZERO, Duration.ofHours(1)), "0s",
                        "Readings during this time after power-on or wake-up are kept but flagged, never averaged."
                                + " Optical PM sensors need about 30s."));
        return new Variant("type", common, variants, descriptions);
    }
}
