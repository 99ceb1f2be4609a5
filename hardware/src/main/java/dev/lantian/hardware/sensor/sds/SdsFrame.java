package dev.lantian.hardware.sensor.sds;

import java.util.Arrays;

/**
 * One Nova SDS011 data frame (Nova Fitness "Laser Dust Sensor Control Protocol V1.3", 2015-07-20,
 * and the SDS011 datasheet V1.3 "communication protocol"): {@code AA C0 p25lo p25hi p10lo p10hi
 * id1 id2 cs AB}, PM = (hi * 256 + lo) / 10 ug/m3, cs = low byte of the sum of bytes 2-7.
 */
public final class SdsFrame {
    public static final int LENGTH = 10;

    private final byte[] raw;

    /** Wraps the 10 wire bytes of a frame whose checksum was already verified. */
    SdsFrame(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("an SDS011 frame has 10 bytes, not " + raw.length);
        }
        this.raw = raw.clone();
    }

    /** PM2.5 in tenths of ug/m3. */
    public int pm2_5Tenths() {
        return (raw[2] & 0xFF) | ((raw[3] & 0xFF) << 8);
    }

    /** PM10 in tenths of ug/m3. */
    public int pm10Tenths() {
        return (raw[4] & 0xFF) | ((raw[5] & 0xFF) << 8);
    }

    public double pm2_5() {
        return pm2_5Tenths() / 10.0;
    }

    public double pm10() {
        return pm10Tenths() / 10.0;
    }

    /** The sensor's two-byte id (bytes 6 and 7, as written on the sticker: id1 then id2). */
    public int deviceId() {
        return ((raw[6] & 0xFF) << 8) | (raw[7] & 0xFF);
    }

    public int checksum() {
        return raw[8] & 0xFF;
    }

    public byte[] raw() {
        return raw.clone();
    }

    /** Low byte of the sum of {@code n} bytes from {@code from}: the SDS011 checksum rule. */
    public static int sum(byte[] b, int from, int n) {
        int s = 0;
        for (int i = from; i < from + n; i++) {
            s += b[i] & 0xFF;
        }
        return s & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdsFrame f && Arrays.equals(raw, f.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "SdsFrame[pm2_5=" + pm2_5() + ", pm10=" + pm10() + "]";
    }
}
