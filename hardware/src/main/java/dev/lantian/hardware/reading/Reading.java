package dev.lantian.hardware.reading;

import java.util.Objects;

/**
 * One named value from a device, as the driver decoded it, with its quality flag.
 *
 * @param field  the device's name for the quantity, e.g. {@code pm2_5}, {@code phase1_current}
 * @param value  the value in the driver's documented unit; {@code NaN} when there is none (silence)
 * @param flag   the quality verdict
 */
public record Reading(String field, double value, QualityFlag flag) {
    public Reading {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(flag, "flag");
    }

    public static Reading normal(String field, double value) {
        return new Reading(field, value, QualityFlag.N);
    }

    public static Reading missing(String field, QualityFlag flag) {
        return new Reading(field, Double.NaN, flag);
    }
}
