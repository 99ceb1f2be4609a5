package dev.lantian.hardware.reading;

import java.util.Objects;

/**
 * One named value from a device, as the driver decoded it, with its quality flag.
 *
 * @param field  the device's name for the quantity, e.g. {@code pm2_5}, {@code phase1_current}
 * @param value  the value in the driver's documented unit; {@code NaN} when there is none (silence)
 * @param flag   the quality verdict
 * @param cumulative true when the value is an ever-growing counter (an energy register): the
 *                   measurement stage differences it and handles rollover and meter resets
 */
public record Reading(String field, double value, QualityFlag flag, boolean cumulative) {
    public Reading {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(flag, "flag");
    }

    /** A plain (non-counter) reading. */
    public Reading(String field, double value, QualityFlag flag) {
        this(field, value, flag, false);
    }

    /** A normal reading of a cumulative counter. */
    public static Reading counter(String field, double value) {
        return new Reading(field, value, QualityFlag.N, true);
    }

    public static Reading normal(String field, double value) {
        return new Reading(field, value, QualityFlag.N);
    }

    public static Reading missing(String field, QualityFlag flag) {
        return new Reading(field, Double.NaN, flag);
    }
}
