package dev.lantian.agent.cli.probe;

import dev.lantian.agent.cli.ExitCodes;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.uart.SensorCounters;
import dev.lantian.hardware.sensor.uart.UartSensor;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.serial.Hex;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.serial.SerialSettings;
import dev.lantian.hardware.time.BoardClock;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * {@code probe} for one UART sensor kind: opens the port (9600 8N1 unless told otherwise), reads
 * {@code --count} frames and prints each as {@code name=value} pairs, {@code flag=} and, with
 * {@code --raw}, {@code raw=<hex>}.
 */
final class UartSensorProber implements Prober {

    /** Makes the driver for this kind on an opened link. */
    @FunctionalInterface
    interface SensorFactory {
        UartSensor create(String kind, ByteLink link, Duration frameTimeout, BoardClock clock);
    }

    private static final int DEFAULT_BAUD = 9600;

    private final String kind;
    private final SensorFactory factory;

    UartSensorProber(String kind, SensorFactory factory) {
        this.kind = kind;
        this.factory = factory;
    }

    @Override
    public int probe(ProbeRequest request, PrintWriter out, PrintWriter err) {
        if (request.port().isEmpty()) {
            err.println("probe: " + kind + " is a serial device; give its port with --port PATH");
            return ExitCodes.INVALID_INPUT;
        }
        SerialSettings settings;
        try {
            settings = settings(request);
        } catch (IllegalArgumentException e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        BoardClock clock = BoardClock.system(ZoneOffset.UTC);
        try (SerialByteLink link = new SerialByteLink(settings, clock, ReconnectBackoff.standard())) {
            if (!link.open()) {
                err.println("probe: cannot open serial port " + settings.port() + ": " + link.lastError());
                return ExitCodes.FAILURE;
            }
            UartSensor sensor = factory.create(kind, link, request.timeout(), clock);
            for (int i = 0; i < request.count(); i++) {
                ReadingSet set = sensor.read();
                if (set.flag() == QualityFlag.B) {
                    err.println("probe: nothing valid from " + kind + " on " + settings.describe() + " within "
                            + seconds(request.timeout()) + " s (" + set.detail() + "; " + describe(sensor.counters()) + ")");
                    return ExitCodes.FAILURE;
                }
                out.println(line(set, request.raw() ? sensor.lastFrame() : null));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    static String line(ReadingSet set, byte[] raw) {
        StringBuilder s = new StringBuilder("device=").append(set.device()).append(" time=").append(set.time());
        QualityFlag flag = set.flag();
        for (Reading r : set.readings()) {
            s.append(' ').append(r.field()).append('=').append(number(r.value()));
            if (flag == QualityFlag.N && r.flag() != QualityFlag.N) {
                flag = r.flag();
            }
        }
        s.append(" flag=").append(flag.code());
        if (raw != null) {
            s.append(" raw=").append(Hex.of(raw));
        }
        return s.toString();
    }

    private static SerialSettings settings(ProbeRequest request) {
        SerialSettings s = SerialSettings.of(request.port().orElseThrow(), request.baud().orElse(DEFAULT_BAUD));
        if (request.parity().isPresent()) {
            s = s.withParity(SerialSettings.Parity.parse(request.parity().get()));
        }
        if (request.stopBits().isPresent()) {
            s = s.withStopBits(request.stopBits().get());
        }
        return s;
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "NaN";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration d) {
        return number(d.toMillis() / 1000.0);
    }

    private static String describe(SensorCounters c) {
        return c.decoder().skippedBytes() + " bytes skipped, " + c.decoder().badChecksums() + " bad checksums";
    }
}
