package dev.lantian.hardware.sensor.bme280;

/**
 * The trimming parameters each BME280 carries in its NVM (datasheet BST-BME280-DS002, section 4.2.2,
 * table 16), and the datasheet's integer compensation formulas (section 4.2.3, repeated in 8.2).
 */
public record Bme280Calibration(
        int t1, int t2, int t3,
        int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8, int p9,
        int h1, int h2, int h3, int h4, int h5, int h6) {

    /**
     * Parses the 26 bytes from 0x88-0xA1 and the 7 bytes from 0xE1-0xE7. Words are little-endian;
     * dig_H4 and dig_H5 are 12-bit values sharing register 0xE5.
     */
    public static Bme280Calibration parse(byte[] block88, byte[] blockE1) {
        if (block88.length != 26 || blockE1.length != 7) {
            throw new IllegalArgumentException("calibration blocks are 26 and 7 bytes");
        }
        return new Bme280Calibration(
                u16(block88, 0), s16(block88, 2), s16(block88, 4),
                u16(block88, 6), s16(block88, 8), s16(block88, 10), s16(block88, 12), s16(block88, 14),
                s16(block88, 16), s16(block88, 18), s16(block88, 20), s16(block88, 22),
                block88[25] & 0xFF,
                s16(blockE1, 0),
                blockE1[2] & 0xFF,
                (blockE1[3] << 4) | (blockE1[4] & 0x0F),
                (blockE1[5] << 4) | ((blockE1[4] & 0xFF) >> 4),
                blockE1[6]);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static int s16(byte[] b, int at) {
        return (short) u16(b, at);
    }

    /** "t_fine", the fine temperature the pressure and humidity formulas take. */
    public int fineTemperature(int adcT) {
        int var1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11;
        int var2 = (((((adcT >> 4) - t1) * ((adcT >> 4) - t1)) >> 12) * t3) >> 14;
        return var1 + var2;
    }

    /** Temperature in 0.01 C from t_fine. */
    public static int temperatureCentiDegrees(int tFine) {
        return (tFine * 5 + 128) >> 8;
    }

    /** Pressure in Pa as unsigned Q24.8 (divide by 256), 64-bit formula; 0 when the chip's P1 is 0. */
    public long pressureQ24_8(int adcP, int tFine) {
        long var1 = (long) tFine - 128000;
        long var2 = var1 * var1 * p6;
        var2 = var2 + ((var1 * p5) << 17);
        var2 = var2 + ((long) p4 << 35);
        var1 = ((var1 * var1 * p3) >> 8) + ((var1 * p2) << 12);
        var1 = (((1L << 47) + var1) * p1) >> 33;
        if (var1 == 0) {
            return 0; // avoids a division by zero on a chip with blank NVM
        }
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = ((long) p9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = ((long) p8 * p) >> 19;
        return ((p + var1 + var2) >> 8) + ((long) p7 << 4);
    }

    /** Relative humidity in %RH as unsigned Q22.10 (divide by 1024). */
    public int humidityQ22_10(int adcH, int tFine) {
        int v = tFine - 76800;
        v = (((((adcH << 14) - (h4 << 20) - (h5 * v)) + 16384) >> 15)
                * (((((((v * h6) >> 10) * (((v * h3) >> 11) + 32768)) >> 10) + 2097152) * h2 + 8192) >> 14));
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * h1) >> 4);
        v = Math.max(0, Math.min(419430400, v));
        return v >> 12;
    }
}
