package dev.lantian.hardware.sensor.uart;

/**
 * A decoder's tally, for the heartbeat and the console: a rising {@code badChecksums} or
 * {@code skippedBytes} says "noisy wire" long before readings go missing.
 *
 * @param frames          valid data frames decoded
 * @param badChecksums    frames that looked complete but failed their checksum (dropped)
 * @param skippedBytes    bytes thrown away while looking for a frame start
 * @param replies         valid non-data frames (command acknowledgements)
 */
public record FrameCounters(long frames, long badChecksums, long skippedBytes, long replies) {
}
