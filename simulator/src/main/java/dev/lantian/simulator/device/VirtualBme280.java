package dev.lantian.simulator.device;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.sensor.bme280.Bme280Calibration;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Bosch BME280 (datasheet BST-BME280-DS002) at 0x76 or 0x77: chip id 0xD0 = 0x60, soft reset 0xE0
 * (0xB6), ctrl_hum 0xF2 (latched by the next ctrl_meas write), status 0xF3, ctrl_meas 0xF4, config
 * 0xF5, the data burst 0xF7-0xFE and the trimming parameters at 0x88-0xA1 and 0xE1-0xE7. A write is
 * register/value pairs (the chip does not auto-increment on writes); a read auto-increments from the
 * register pointer. Forced mode measures at once and falls back to sleep; normal mode measures anew
 * on each data read. A measurement turns the weather into raw ADC values that Bosch's compensation
 * gives back ({@link Bme280Adc}); a quantity with oversampling "skipped" reads 0x80000 / 0x8000.
 *
 * <p>Faults: silent is no ACK (an I/O error on every transaction); garbage reads 0xFF everywhere,
 * what a master sees when the chip lets go of SDA, so the id and the data are both wrong.
 */
public final class VirtualBme280 implements I2cDevice {
    /**
     * Trimming of a real chip: the temperature and pressure words are the datasheet's example
     * (BMP280 datasheet 3.12), the humidity ones those read from a BME280 breakout.
     */
    public static final Bme280Calibration TRIMMING = new Bme280Calibration(27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000, 75, 362, 0, 313, 50, 30);
    private static final int CHIP_ID = 0xD0;
    private static final int RESET = 0xE0;
    private static final int CTRL_HUM = 0xF2;
    private static final int STATUS = 0xF3;
    private static final int CTRL_MEAS = 0xF4;
    private static final int CONFIG = 0xF5;
    private static final int DATA = 0xF7;

    private final int address;
    private final Supplier<WeatherState> weather;
    private final DeviceFaults faults = new DeviceFaults();
    private final byte[] registers = new byte[256];
    private int pointer;
    private int humidityOversampling;

    public VirtualBme280(int address, Supplier<WeatherState> weather) {
        if (address != 0x76 && address != 0x77) {
            throw new IllegalArgumentException(String.format("a BME280 answers at 0x76 or 0x77, not 0x%02X", address));
        }
        this.address = address;
        this.weather = Objects.requireNonNull(weather, "weather");
        registers[CHIP_ID] = 0x60;
        trimming(TRIMMING);
        reset();
    }

    public DeviceFaults faults() {
        return faults;
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        present();
        if (data.length > 0) {
            pointer = data[0] & 0xFF;
        }
        for (int i = 0; i + 1 < data.length; i += 2) {
            store(data[i] & 0xFF, data[i + 1] & 0xFF);
        }
    }

    @Override
    public synchronized byte[] read(int count) throws IOException {
        present();
        if (pointer == DATA && (registers[CTRL_MEAS] & 0b11) == 0b11) {
            measure(); // normal mode: a fresh sample every standby period, here at every readout
        }
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = faults.garbage() ? (byte) 0xFF : registers[pointer];
            pointer = (pointer + 1) & 0xFF;
        }
        return out;
    }

    @Override
    public synchronized byte[] writeRead(byte[] data, int count) throws IOException {
        write(data);
        return read(count);
    }

    private void store(int register, int value) {
        switch (register) {
            case RESET -> {
                if (value == 0xB6) {
                    reset();
                }
            }
            case CTRL_HUM -> registers[CTRL_HUM] = (byte) (value & 0x07);
            case CONFIG -> registers[CONFIG] = (byte) value;
            case CTRL_MEAS -> {
                registers[CTRL_MEAS] = (byte) value;
                humidityOversampling = registers[CTRL_HUM] & 0x07;
                int mode = value & 0b11;
                if (mode == 0b01 || mode == 0b10) {
                    measure();
                    registers[CTRL_MEAS] = (byte) (value & ~0b11); // forced mode ends in sleep
                } else if (mode == 0b11) {
                    measure();
                }
            }
            default -> { } // read-only (id, trimming, status, data) or reserved: the chip ignores it
        }
    }

    /** One measurement, finished at once: status never shows "measuring" for longer than a transaction. */
    private void measure() {
        WeatherState w = weather.get();
        int ctrl = registers[CTRL_MEAS] & 0xFF;
        int adcT = Bme280Adc.temperature(TRIMMING, w.temperature());
        int tFine = TRIMMING.fineTemperature(adcT);
        int adcP = (ctrl >> 2 & 0b111) == 0 ? 0x80000 : Bme280Adc.pressure(TRIMMING, tFine, w.pressure());
        int adcH = humidityOversampling == 0 ? 0x8000 : Bme280Adc.humidity(TRIMMING, tFine, w.humidity());
        if ((ctrl >> 5 & 0b111) == 0) {
            adcT = 0x80000;
        }
        put20(DATA, adcP);
        put20(DATA + 3, adcT);
        registers[DATA + 6] = (byte) (adcH >> 8);
        registers[DATA + 7] = (byte) adcH;
        registers[STATUS] = 0;
    }

    private void put20(int at, int adc) {
        registers[at] = (byte) (adc >> 12);
        registers[at + 1] = (byte) (adc >> 4);
        registers[at + 2] = (byte) ((adc & 0x0F) << 4);
    }

    /** Power-on state (datasheet 5.3): controls cleared, data registers at their "no sample" values. */
    private void reset() {
        registers[CTRL_HUM] = 0;
        registers[CTRL_MEAS] = 0;
        registers[CONFIG] = 0;
        registers[STATUS] = 0;
        humidityOversampling = 0;
        Arrays.fill(registers, DATA, DATA + 8, (byte) 0);
        registers[DATA] = (byte) 0x80;
        registers[DATA + 3] = (byte) 0x80;
        registers[DATA + 6] = (byte) 0x80;
    }

    /** The trimming words as the chip's NVM holds them (table 16): little-endian, H4/H5 sharing 0xE5. */
    private void trimming(Bme280Calibration c) {
        int[] words = {c.t1(), c.t2(), c.t3(), c.p1(), c.p2(), c.p3(), c.p4(), c.p5(), c.p6(), c.p7(), c.p8(), c.p9()};
        for (int i = 0; i < words.length; i++) {
            registers[0x88 + 2 * i] = (byte) words[i];
            registers[0x89 + 2 * i] = (byte) (words[i] >> 8);
        }
        registers[0xA1] = (byte) c.h1();
        registers[0xE1] = (byte) c.h2();
        registers[0xE2] = (byte) (c.h2() >> 8);
        registers[0xE3] = (byte) c.h3();
        registers[0xE4] = (byte) (c.h4() >> 4);
        registers[0xE5] = (byte) ((c.h4() & 0x0F) | (c.h5() & 0x0F) << 4);
        registers[0xE6] = (byte) (c.h5() >> 4);
        registers[0xE7] = (byte) c.h6();
    }

    private void present() throws IOException {
        if (faults.silent()) {
            throw new IOException(String.format("no ACK from 0x%02X", address));
        }
    }
}
