package dev.lantian.agent.config;

import java.util.Locale;

/** {@code buses[]}: one line or port devices are reached over. */
public sealed interface Bus {
    String id();

    BusType type();

    /** {@code type: serial}. */
    record Serial(String id, String port, int baud, int dataBits, int stopBits, Parity parity) implements Bus {
        @Override
        public BusType type() {
            return BusType.SERIAL;
        }
    }

    /** {@code type: modbus-tcp}. */
    record ModbusTcp(String id, String host, int port) implements Bus {
        @Override
        public BusType type() {
            return BusType.MODBUS_TCP;
        }
    }

    /** {@code type: rtu-over-tcp}: serial frames through an RS-485-to-Ethernet converter. */
    record RtuOverTcp(String id, String host, int port) implements Bus {
        @Override
        public BusType type() {
            return BusType.RTU_OVER_TCP;
        }
    }

    /** {@code type: i2c}: /dev/i2c-{@code bus}. */
    record I2c(String id, int bus) implements Bus {
        @Override
        public BusType type() {
            return BusType.I2C;
        }
    }

    /** {@code type: gpio}: the lines of one gpiochip. */
    record Gpio(String id, String chip) implements Bus {
        @Override
        public BusType type() {
            return BusType.GPIO;
        }
    }

    enum Parity {
        NONE, EVEN, ODD;

        static Parity fromYaml(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
