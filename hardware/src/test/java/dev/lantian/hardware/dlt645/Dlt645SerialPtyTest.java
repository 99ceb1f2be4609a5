package dev.lantian.hardware.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import dev.lantian.hardware.modbus.SocatPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal DL/T 645 serial transport on a real pty pair at 2400 8E1, a meter answering on the far end. */
class Dlt645SerialPtyTest {
    private static final Dlt645Address METER = Dlt645Address.parse("000000123456");

    @Test
    void readsAndDiscoversAMeterOnASerialLine(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir)) {
            SerialPort meterSide = SerialPort.getCommPort(pair.a.toString());
            meterSide.setComPortParameters(2400, 8, SerialPort.ONE_STOP_BIT, SerialPort.EVEN_PARITY);
            assertThat(meterSide.openPort()).isTrue();
            meterSide.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
            Thread meter = new Thread(() -> answer(meterSide), "pty-meter");
            meter.setDaemon(true);
            meter.start();
            try (SerialDlt645Transport t = new SerialDlt645Transport(pair.b.toString(), SerialDlt645Transport.DEFAULT)) {
                Dlt645Client client = new Dlt645Client(t, s -> { });
                assertThat(client.discover(Duration.ofSeconds(3))).isEqualTo(METER);
                assertThat(client.read(METER, DataIdentifier.VOLTAGE_A, Duration.ofSeconds(3))).isEqualTo(231.4);
                assertThat(client.read(METER, DataIdentifier.ACTIVE_POWER, Duration.ofSeconds(3))).isEqualTo(-3.5);
            } finally {
                meter.interrupt();
                meter.join(5000);
                meterSide.closePort();
            }
        }
    }

    private static void answer(SerialPort port) {
        Dlt645FrameParser parser = new Dlt645FrameParser();
        byte[] buf = new byte[64];
        while (!Thread.currentThread().isInterrupted()) {
            int n = port.readBytes(buf, buf.length);
            if (n <= 0) {
                continue;
            }
            parser.feed(buf, 0, n);
            for (Optional<Dlt645Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                byte[] reply = replyTo(f.get());
                port.writeBytes(reply, reply.length);
            }
        }
    }

    private static byte[] replyTo(Dlt645Frame request) {
        if (request.control() == Dlt645Frame.READ_ADDRESS) {
            return new Dlt645Frame(METER.wire(), Dlt645Frame.READ_ADDRESS_REPLY, METER.wire()).encode();
        }
        byte[] di = request.data();
        int code = (di[0] & 0xFF) | (di[1] & 0xFF) << 8 | (di[2] & 0xFF) << 16 | (di[3] & 0xFF) << 24;
        DataIdentifier id = DataIdentifier.of(code).orElseThrow();
        byte[] value = id.encode(id == DataIdentifier.VOLTAGE_A ? 231.4 : -3.5);
        byte[] data = Arrays.copyOf(di, 4 + value.length);
        System.arraycopy(value, 0, data, 4, value.length);
        return new Dlt645Frame(METER.wire(), Dlt645Frame.READ_DATA_REPLY, data).encode();
    }
}
