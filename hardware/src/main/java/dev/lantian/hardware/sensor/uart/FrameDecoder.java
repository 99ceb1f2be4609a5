package dev.lantian.hardware.sensor.uart;

import java.util.function.Consumer;

/**
 * Turns a byte stream into frames, whatever the reads' boundaries: it resynchronises on garbage,
 * joins a frame split across reads, yields every frame of a read that holds several, and drops (and
 * counts) frames whose checksum fails. Never throws on any input.
 *
 * @param <F> the decoded frame
 */
public interface FrameDecoder<F> {

    /** Consumes {@code length} bytes from {@code bytes[offset]}; hands each complete valid frame to {@code out}. */
    void feed(byte[] bytes, int offset, int length, Consumer<? super F> out);

    /** Forgets a partial frame (e.g. after the device was replugged, its tail will never come). */
    void reset();

    /** What the decoder has seen so far. */
    FrameCounters counters();
}
