package dev.lantian.simulator.device;

import dev.lantian.hardware.sensor.bme280.Bme280Calibration;
import java.util.function.IntPredicate;

/**
 * The raw ADC values a BME280 with given trimming would put out for a temperature, humidity and
 * pressure: Bosch's integer compensation (datasheet 4.2.3, as the agent's driver runs it) inverted by
 * bisection on the raw value, on which each compensated value is monotonic. Temperature first, since
 * humidity and pressure are compensated with its t_fine.
 */
final class Bme280Adc {
    /** 20-bit temperature and pressure samples. */
    static final int MAX_20 = (1 << 20) - 1;
    /** 16-bit humidity samples. */
    static final int MAX_16 = (1 << 16) - 1;

    private Bme280Adc() {
    }

    /** The smallest adc_T whose compensated temperature reaches {@code celsius} (to 0.01 C). */
    static int temperature(Bme280Calibration c, double celsius) {
        int centi = (int) Math.round(celsius * 100);
        return lowest(0, MAX_20, adc -> Bme280Calibration.temperatureCentiDegrees(c.fineTemperature(adc)) >= centi);
    }

    /** The smallest adc_H whose compensated humidity reaches {@code percent} (%RH, Q22.10 steps). */
    static int humidity(Bme280Calibration c, int tFine, double percent) {
        long q = Math.round(Math.max(0, Math.min(100, percent)) * 1024);
        return lowest(0, MAX_16, adc -> c.humidityQ22_10(adc, tFine) >= q);
    }

    /** The smallest adc_P whose compensated pressure is at or below {@code hPa}: pressure falls as adc_P rises. */
    static int pressure(Bme280Calibration c, int tFine, double hPa) {
        long q = Math.round(hPa * 100 * 256);
        return lowest(0, MAX_20, adc -> c.pressureQ24_8(adc, tFine) <= q);
    }

    /** The lowest value in [low, high] for which {@code reached} holds (high when none does), by bisection. */
    private static int lowest(int low, int high, IntPredicate reached) {
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (reached.test(mid)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
