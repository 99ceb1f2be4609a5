package dev.lantian.hardware.sensor.uart;

/**
 * A UART sensor's health figures.
 *
 * @param decoder      the frame decoder's tally
 * @param linkLosses   how many times the serial link went away (unplugged, read error)
 * @param silentReads  reads that ended without a valid frame (each one a {@code B} reading set)
 */
public record SensorCounters(FrameCounters decoder, long linkLosses, long silentReads) {
}
