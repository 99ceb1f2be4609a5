package dev.lantian.hardware.sensor.sps30;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A simulated SPS30 answering the I2C commands of its datasheet section 6.3. */
final class Sps30Chip implements I2cDevice {
    final List<byte[]> writes = new ArrayList<>();
    float[] values = new float[10];
    long status;
    boolean measuring;
    boolean dataReady = true;
    boolean corruptNextValues;
    boolean unplugged;
    private byte[] response = new byte[0];

    @Override
    public int address() {
        return 0x69;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (unplugged) {
            throw new IOException("no ACK");
        }
        writes.add(data.clone());
        int command = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        switch (command) {
            case 0x0010 -> {
                if (data.length != 5 || data[2] != 0x03 || SensirionWords.crc8(data, 2, 2) != (data[4] & 0xFF)) {
                    throw new IOException("NACK: bad start argument");
                }
                measuring = true;
            }
            case 0x0104 -> measuring = false;
            case 0x0202 -> response = SensirionWords.encode(measuring && dataReady ? 1 : 0);
            case 0x0300 -> {
                int[] words = new int[20];
                for (int i = 0; i < 10; i++) {
                    int bits = Float.floatToIntBits(values[i]);
                    words[2 * i] = bits >>> 16;
                    words[2 * i + 1] = bits & 0xFFFF;
                }
                response = SensirionWords.encode(words);
                if (corruptNextValues) {
                    response[7] ^= 0x40;
                    corruptNextValues = false;
                }
            }
            case 0xD206 -> response = SensirionWords.encode((int) (status >>> 16), (int) (status & 0xFFFF), 0, 0);
            case 0x5607 -> response = new byte[0];
            default -> throw new IOException("NACK: unknown command " + Integer.toHexString(command));
        }
    }

    @Override
    public byte[] read(int count) throws IOException {
        if (unplugged) {
            throw new IOException("no ACK");
        }
        return Arrays.copyOf(response, count);
    }

    @Override
    public byte[] writeRead(byte[] data, int count) throws IOException {
        write(data);
        return read(count);
    }
}
