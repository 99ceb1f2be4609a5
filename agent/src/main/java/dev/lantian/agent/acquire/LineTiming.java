package dev.lantian.agent.acquire;

import dev.lantian.hardware.modbus.SerialSettings;
import java.time.Duration;

/**
 * The silence a line needs between the end of one frame and the start of the next. Modbus RTU: at
 * least 3.5 character times (t3.5), and a fixed 1.75 ms above 19200 baud (Modbus over serial line
 * specification, 2.5.1.1), where the character time counts start, data, parity and stop bits.
 */
public record LineTiming(Duration interFrameSilence) {

    public static LineTiming serial(SerialSettings settings) {
        if (settings.baud() > 19_200) {
            return new LineTiming(Duration.ofNanos(1_750_000));
        }
        long nanos = (long) Math.ceil(3.5 * settings.bitsPerCharacter() * 1e9 / settings.baud());
        return new LineTiming(Duration.ofNanos(nanos));
    }

    /** Modbus TCP (and RTU over TCP, where the converter times the RS-485 side): no gap of our own. */
    public static LineTiming none() {
        return new LineTiming(Duration.ZERO);
    }
}
