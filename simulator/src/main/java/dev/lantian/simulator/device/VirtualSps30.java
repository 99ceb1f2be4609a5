package dev.lantian.simulator.device;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Sensirion SPS30 on I2C (0x69) for an agent in the same JVM: answers start (0x0010), data ready
 * (0x0202, ready once measuring), read values (0x0300: ten big-endian floats, each 16-bit half with
 * its CRC-8) and device status (0xD206, no faults). Silent and garbage faults become an I/O error
 * (no ACK) and CRC-broken values.
 *
 * <p>An agent reaches it through Pi4J: {@link SimI2cProvider} hands each transaction of its mock-based
 * I2C to this chip (Pi4J's own mock I2C only stores bytes and cannot answer a command).
 */
public final class VirtualSps30 implements I2cDevice {
    private static final int START = 0x0010;
    private static final int STOP = 0x0104;
    private static final int DATA_READY = 0x0202;
    private static final int READ_VALUES = 0x0300;
    private static final int READ_STATUS = 0xD206;

    private final Supplier<DustState> dust;
    private final DeviceFaults faults = new DeviceFaults();
    private boolean measuring;
    private byte[] response = new byte[0];

    public VirtualSps30(Supplier<DustState> dust) {
        this.dust = Objects.requireNonNull(dust, "dust");
    }

    public DeviceFaults faults() {
        return faults;
    }

    @Override
    public int address() {
        return 0x69;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        present();
        int command = data.length >= 2 ? ((data[0] & 0xFF) << 8) | (data[1] & 0xFF) : -1;
        response = switch (command) {
            case START -> {
                measuring = true;
                yield new byte[0];
            }
            case STOP -> {
                measuring = false;
                yield new byte[0];
            }
            case DATA_READY -> SensirionWords.encode(measuring ? 1 : 0);
            case READ_VALUES -> values();
            case READ_STATUS -> SensirionWords.encode(0, 0);
            default -> new byte[0];
        };
    }

    private byte[] values() {
        DustState d = dust.get();
        double pm4 = (d.pm2_5() + d.pm10()) / 2;
        float[] v = {(float) d.pm1(), (float) d.pm2_5(), (float) pm4, (float) d.pm10(),
            (float) (d.pm1() * 7), (float) (d.pm1() * 8), (float) (d.pm2_5() * 8.2), (float) (pm4 * 8.2),
            (float) (d.pm10() * 8.3), 0.6f};
        int[] words = new int[20];
        for (int i = 0; i < v.length; i++) {
            int bits = Float.floatToIntBits(v[i]);
            words[2 * i] = bits >>> 16;
            words[2 * i + 1] = bits & 0xFFFF;
        }
        byte[] out = SensirionWords.encode(words);
        if (faults.garbage()) {
            out[2] ^= 0x5A; // the first CRC no longer matches
        }
        return out;
    }

    @Override
    public synchronized byte[] read(int count) throws IOException {
        present();
        if (response.length < count) {
            throw new IOException("SPS30 has no " + count + "-byte response pending");
        }
        byte[] out = java.util.Arrays.copyOf(response, count);
        response = new byte[0];
        return out;
    }

    @Override
    public byte[] writeRead(byte[] data, int count) throws IOException {
        write(data);
        return read(count);
    }

    private void present() throws IOException {
        if (faults.silent()) {
            throw new IOException("no ACK from 0x69");
        }
    }
}
