package dev.lantian.hardware.sensor.pms;

import java.util.Arrays;

/**
 * One Plantower data frame: the 13 big-endian words after the length field (Plantower PMS5003 data
 * manual V2.3, appendix I "transport protocol active mode"; PMS7003 manual V2.5, same layout).
 *
 * <p>Words 0-2: PM1.0, PM2.5, PM10 with CF=1 ("standard particle", factory calibration); words 3-5:
 * PM1.0, PM2.5, PM10 "under atmospheric environment" (ug/m3); words 6-11: particles per 0.1 L of air
 * above 0.3, 0.5, 1.0, 2.5, 5.0 and 10 um; word 12: reserved.
 */
public final class PmsFrame {
    /** Frame length: start characters, length field, 13 words, checksum. */
    public static final int LENGTH = 32;
    /** The value of the length field of a data frame: 13 words and the checksum. */
    public static final int LENGTH_FIELD = 28;

    private final byte[] raw;

    /** Wraps the 32 wire bytes of a frame whose checksum was already verified. */
    PmsFrame(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("a PMS frame has 32 bytes, not " + raw.length);
        }
        this.raw = raw.clone();
    }

    /** Data word {@code i} (0-12). */
    public int word(int i) {
        if (i < 0 || i > 12) {
            throw new IndexOutOfBoundsException("PMS data words are 0-12, not " + i);
        }
        return ((raw[4 + 2 * i] & 0xFF) << 8) | (raw[5 + 2 * i] & 0xFF);
    }

    /** PM2.5 under atmospheric environment, ug/m3. */
    public int pm2_5() {
        return word(4);
    }

    /** PM10 under atmospheric environment, ug/m3. */
    public int pm10() {
        return word(5);
    }

    /** The checksum field (last two bytes). */
    public int checksum() {
        return ((raw[30] & 0xFF) << 8) | (raw[31] & 0xFF);
    }

    /** The wire bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** Sum of the first {@code n} bytes of {@code b}, the Plantower check code rule, 16 bits. */
    public static int sum(byte[] b, int from, int n) {
        int s = 0;
        for (int i = from; i < from + n; i++) {
            s += b[i] & 0xFF;
        }
        return s & 0xFFFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PmsFrame f && Arrays.equals(raw, f.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "PmsFrame[pm2_5=" + pm2_5() + ", pm10=" + pm10() + "]";
    }
}
