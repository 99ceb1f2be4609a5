package dev.lantian.hardware.serial;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to open one serial line, as the site configuration gives it ({@code buses:} entries of type
 * {@code serial}).
 *
 * @param port        device path; symlinks (e.g. {@code /dev/serial0}, udev names) and pty devices work
 * @param baud        bits per second
 * @param dataBits    5 to 8
 * @param parity      none, even or odd
 * @param stopBits    1 or 2
 * @param readTimeout the default wait of one blocking read, for callers that have no better figure
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, int stopBits, Duration readTimeout) {

    /** Serial parity. */
    public enum Parity {
        NONE, EVEN, ODD;

        /** Parses {@code none}, {@code even}, {@code odd} (any case, also {@code N}/{@code E}/{@code O}). */
        public static Parity parse(String text) {
            String t = Objects.requireNonNull(text, "parity").trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "none", "n" -> NONE;
                case "even", "e" -> EVEN;
                case "odd", "o" -> ODD;
                default -> throw new IllegalArgumentException("parity must be none, even or odd, not '" + text + "'");
            };
        }
    }

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, not " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, not " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        }
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("read timeout must be positive, not " + readTimeout);
        }
    }

    /** 8 data bits, no parity, 1 stop bit (the UART sensors' framing), 1 s read timeout. */
    public static SerialSettings of(String port, int baud) {
        return new SerialSettings(port, baud, 8, Parity.NONE, 1, Duration.ofSeconds(1));
    }

    public SerialSettings withParity(Parity p) {
        return new SerialSettings(port, baud, dataBits, p, stopBits, readTimeout);
    }

    public SerialSettings withStopBits(int bits) {
        return new SerialSettings(port, baud, dataBits, parity, bits, readTimeout);
    }

    public SerialSettings withDataBits(int bits) {
        return new SerialSettings(port, baud, bits, parity, stopBits, readTimeout);
    }

    public SerialSettings withReadTimeout(Duration timeout) {
        return new SerialSettings(port, baud, dataBits, parity, stopBits, timeout);
    }

    /** Short form for logs: {@code /dev/ttyUSB0 9600 8N1}. */
    public String describe() {
        return port + " " + baud + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
