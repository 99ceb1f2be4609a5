package dev.lantian.hardware.dlt645;

import com.fazecast.jSerialComm.SerialPort;
import dev.lantian.hardware.modbus.SerialSettings;
import java.io.IOException;
import java.time.Duration;

/**
 * DL/T 645 on an RS-485 port through jSerialComm. Minimal on purpose: the project's serial link may
 * replace it behind {@link Dlt645Transport}.
 */
public final class SerialDlt645Transport implements Dlt645Transport {
    /** DL/T 645's usual framing: 2400 baud, 8 data bits, even parity, 1 stop bit. */
    public static final SerialSettings DEFAULT = new SerialSettings(2400, 8, SerialSettings.Parity.EVEN, 1);

    private final SerialPort port;

    public SerialDlt645Transport(String path, SerialSettings settings) throws IOException {
        port = SerialPort.getCommPort(path);
        port.setComPortParameters(settings.baud(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (settings.parity()) {
                    case NONE -> SerialPort.NO_PARITY;
                    case EVEN -> SerialPort.EVEN_PARITY;
                    case ODD -> SerialPort.ODD_PARITY;
                });
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (missing, busy or no permission)");
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IOException("write to " + port.getSystemPortPath() + " failed");
        }
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.max(1, timeout.toMillis()), 0);
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw new IOException("read from " + port.getSystemPortPath() + " failed");
        }
        return n;
    }

    @Override
    public void discardInput() {
        port.flushIOBuffers();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
