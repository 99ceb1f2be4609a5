package dev.lantian.simulator.device;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import java.io.IOException;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A Sensirion SGP40 on I2C (0x59) for an agent in the same JVM: "measure raw" (0x260F, with its two
 * compensation words) answers a raw signal that falls as VOC rises (clean air near 30000 ticks, about
 * 1000 ticks less per mg/m3, the direction of the real MOx signal), heater off (0x3615) is accepted.
 * Silent and garbage faults become an I/O error and a CRC-broken answer. An agent reaches it through
 * Pi4J, on {@link SimI2cProvider}.
 */
public final class VirtualSgp40 implements I2cDevice {
    private static final int MEASURE_RAW = 0x260F;
    private static final int CLEAN_AIR = 30_000;
    private static final int TICKS_PER_MG = 1_000;

    private final DoubleSupplier vocMgPerM3;
    private final DeviceFaults faults = new DeviceFaults();
    private byte[] response = new byte[0];

    public VirtualSgp40(DoubleSupplier vocMgPerM3) {
        this.vocMgPerM3 = Objects.requireNonNull(vocMgPerM3, "vocMgPerM3");
    }

    public DeviceFaults faults() {
        return faults;
    }

    @Override
    public int address() {
        return 0x59;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        if (faults.silent()) {
            throw new IOException("no ACK from 0x59");
        }
        int command = data.length >= 2 ? ((data[0] & 0xFF) << 8) | (data[1] & 0xFF) : -1;
        if (command == MEASURE_RAW && data.length == 8) {
            int raw = (int) Math.max(0, Math.min(0xFFFF, CLEAN_AIR - TICKS_PER_MG * vocMgPerM3.getAsDouble()));
            response = SensirionWords.encode(raw);
            if (faults.garbage()) {
                response[2] ^= 0x5A;
            }
        } else {
            response = new byte[0];
        }
    }

    @Override
    public synchronized byte[] read(int count) throws IOException {
        if (faults.silent() || response.length < count) {
            throw new IOException("SGP40 has no " + count + "-byte response pending");
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
}
