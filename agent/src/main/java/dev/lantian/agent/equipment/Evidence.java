package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The raw samples of the involved channels from {@code from} to {@code to}. {@code complete} once the
 * window after the event start has elapsed; until then {@code to} is the latest sample time seen.
 */
public record Evidence(List<String> channels, Instant from, Instant to, List<Sample> samples, boolean complete) {
    public Evidence {
        channels = List.copyOf(channels);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        samples = List.copyOf(samples);
    }

    public static Evidence pending(List<String> channels, Instant start) {
        return new Evidence(channels, start, start, List.of(), false);
    }
}
